// CORRECT: the monitor with notify(), not notifyAll(): only consumers ever wait, each put makes one item for one of them, and a woken poll looks at the items before its deadline - so a wake-up is never wasted on a thread that cannot use it
package queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

public final class ThreadSafeQueue<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();

    public synchronized void put(T item) {
        Objects.requireNonNull(item, "item");
        items.addLast(item);
        notify();
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        return items.removeFirst();
    }

    public synchronized Optional<T> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (items.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        return Optional.of(items.removeFirst());
    }

    public synchronized int size() {
        return items.size();
    }
}
