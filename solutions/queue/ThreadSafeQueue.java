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
 * <p>(The chapter's Python version keeps the items in a list with a lock of its own and waits on a condition with
 * another lock. It works because the producer and the consumer touch the list only while holding the condition's
 * lock, which makes the list's own lock redundant; it breaks when the list is used without that lock. Here the
 * state and the condition share one lock, and nothing touches {@code items} without it.)
 */
public final class ThreadSafeQueue<T> {
    private final Lock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();

    /** Adds {@code item} at the tail and wakes one waiting consumer. */
    public void put(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            items.addLast(item);
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
