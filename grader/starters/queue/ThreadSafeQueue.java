package queue;

import java.time.Duration;
import java.util.Optional;

/**
 * The chapter's producer/consumer queue: producers put items in, consumers take them out in the same order, and a
 * consumer that finds the queue empty waits - without polling - until a producer announces an item.
 *
 * <p>Read README.md for the rules, then grade your work with {@code ./jbang grade queue}.
 */
public final class ThreadSafeQueue<T> {

    /** Adds {@code item} at the tail and wakes a waiting consumer; NullPointerException for null. */
    public void put(T item) {
        throw new UnsupportedOperationException("TODO put");
    }

    /** Removes and returns the head, waiting as long as it takes for an item to arrive. */
    public T take() throws InterruptedException {
        throw new UnsupportedOperationException("TODO take");
    }

    /** Removes and returns the head, waiting at most {@code timeout}; Optional.empty() if none arrived in time. */
    public Optional<T> poll(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("TODO poll");
    }

    public int size() {
        throw new UnsupportedOperationException("TODO size");
    }
}
