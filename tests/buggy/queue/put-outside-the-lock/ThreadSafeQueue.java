// BUG: put adds the item before taking the lock (only the signal is locked): two puts at once, or a put during a take, corrupt the ArrayDeque - fine in CPython, whose list operations are atomic, wrong in Java
// CAUGHT-BY: puts from two threads at the same time lose no item
package queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The chapter's producer/consumer queue, done the Java way: ONE lock guards the items, and a {@link Condition} of
 * that same lock announces "an item arrived". A consumer waits in a loop, because a wake-up is only a hint: another
 * consumer may have taken the item first, and {@code await} may even return spuriously.
 *
 * <p>(The chapter's Python version guards the list with one lock and waits on a condition with another; that works
 * in CPython only because its list operations happen to be atomic. In Java, state and condition share one lock.)
 */
public final class ThreadSafeQueue<T> {
    private final Lock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();

    /** Adds {@code item} at the tail and wakes one waiting consumer. */
    public void put(T item) {
        Objects.requireNonNull(item, "item");
        items.addLast(item);
        lock.lock();
        try {
            notEmpty.signal(); // one item, so one consumer can use it; every waiter waits for the same thing
        } finally {
            lock.unlock();
        }
    }

    /** Removes the head, waiting as long as it takes for one to arrive. */
    public T take() throws InterruptedException {
        lock.lock();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
            return items.removeFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the head, waiting at most {@code timeout}; empty if none arrived in time. */
    public Optional<T> poll(Duration timeout) throws InterruptedException {
        long nanosLeft = timeout.toNanos();
        lock.lock();
        try {
            while (items.isEmpty()) {
                if (nanosLeft <= 0) {
                    return Optional.empty();
                }
                nanosLeft = notEmpty.awaitNanos(nanosLeft);
            }
            return Optional.of(items.removeFirst());
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }
}
