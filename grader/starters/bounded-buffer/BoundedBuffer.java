package boundedbuffer;

/**
 * A fixed-capacity FIFO buffer between producers and consumers: a producer waits while it is full, a consumer waits
 * while it is empty - without polling - until another thread changes that.
 *
 * <p>Read README.md for the rules, then grade your work with {@code ./jbang grade bounded-buffer}.
 */
public final class BoundedBuffer<T> {

    /** IllegalArgumentException if {@code capacity} is below 1. */
    public BoundedBuffer(int capacity) {
        throw new UnsupportedOperationException("TODO BoundedBuffer(int capacity)");
    }

    /** Adds {@code item} at the tail, waiting while the buffer is full; NullPointerException for null. */
    public void put(T item) throws InterruptedException {
        throw new UnsupportedOperationException("TODO put");
    }

    /** Removes and returns the head, waiting while the buffer is empty. */
    public T take() throws InterruptedException {
        throw new UnsupportedOperationException("TODO take");
    }

    public int size() {
        throw new UnsupportedOperationException("TODO size");
    }

    public int capacity() {
        throw new UnsupportedOperationException("TODO capacity");
    }
}
