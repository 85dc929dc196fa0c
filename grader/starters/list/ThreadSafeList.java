package list;

import java.util.List;

/**
 * A list that any number of threads may share. Every method must be atomic: whatever the threads' timing, each call
 * must behave as if it ran alone. Null elements are allowed.
 *
 * <p>Read README.md for the rules, then grade your work with {@code ./jbang grade list}.
 */
public final class ThreadSafeList<T> {

    /** Adds {@code value} at the end. */
    public void append(T value) {
        throw new UnsupportedOperationException("TODO append");
    }

    /** Removes and returns the element at {@code index}; IndexOutOfBoundsException when out of range. */
    public T pop(int index) {
        throw new UnsupportedOperationException("TODO pop");
    }

    /** The element at {@code index}; IndexOutOfBoundsException when out of range. */
    public T get(int index) {
        throw new UnsupportedOperationException("TODO get");
    }

    public int size() {
        throw new UnsupportedOperationException("TODO size");
    }

    /** Appends {@code value} only if no equal element is present, as one atomic step; true if it appended. */
    public boolean appendIfAbsent(T value) {
        throw new UnsupportedOperationException("TODO appendIfAbsent");
    }

    /** An independent copy of the whole list, as it was at one instant. */
    public List<T> snapshot() {
        throw new UnsupportedOperationException("TODO snapshot");
    }
}
