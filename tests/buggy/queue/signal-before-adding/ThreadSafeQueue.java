// BUG: put wakes the consumers first and adds the item in a second hold of the lock: a consumer woken in between finds the queue still empty, waits again, and no signal comes for the item added after
// CAUGHT-BY: a consumer waiting in take is always woken by a put (no lost wake-up)
package queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/** wait/notifyAll on the queue's own monitor - but put announces the item before the item is there. */
public final class ThreadSafeQueue<T> {
    private final Object lock = new Object();
    private final ArrayDeque<T> items = new ArrayDeque<>();

    public void put(T item) {
        Objects.requireNonNull(item, "item");
        synchronized (lock) {
            lock.notifyAll();
        }
        synchronized (lock) {
            items.addLast(item);
        }
    }

    public T take() throws InterruptedException {
        synchronized (lock) {
            while (items.isEmpty()) {
                lock.wait();
            }
            return items.removeFirst();
        }
    }

    public Optional<T> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (items.isEmpty()) {
                long millisLeft = (deadline - System.nanoTime()) / 1_000_000;
                if (millisLeft <= 0) {
                    return Optional.empty();
                }
                lock.wait(millisLeft);
            }
            return Optional.of(items.removeFirst());
        }
    }

    public int size() {
        synchronized (lock) {
            return items.size();
        }
    }
}
