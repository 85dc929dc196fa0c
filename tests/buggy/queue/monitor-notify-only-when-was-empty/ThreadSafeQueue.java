// BUG: put calls notify() only when the queue was empty: two consumers wait, two puts come before the woken one runs - the second put finds the queue non-empty and wakes nobody, so one consumer sleeps on beside an item (Lincheck's model treats notify like notifyAll and misses it)
// CAUGHT-BY: many producers and consumers at once
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
        if (items.size() == 1) {
            notify(); // "only an empty queue has waiters" - but they may not have run yet
        }
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
