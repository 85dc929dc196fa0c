// BUG: appendIfAbsent checks and appends under two separate lock holds; another thread can append the same value in between
// CAUGHT-BY: appendIfAbsent is atomic
// STRESS-CAUGHT-BY: appendIfAbsent of one value from two threads
package list;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A list that any number of threads may share: every method holds the list's own lock for its whole work, so each
 * call is atomic. Compound actions that callers would otherwise write as two calls - "append if absent", "copy
 * everything" - are methods here, because two atomic calls in a row are not atomic together.
 */
public final class ThreadSafeList<T> {
    private final Object lock = new Object();
    private final List<T> items = new ArrayList<>();

    public void append(T value) {
        synchronized (lock) {
            items.add(value);
        }
    }

    /** Removes and returns the element at {@code index}; IndexOutOfBoundsException when out of range. */
    public T pop(int index) {
        synchronized (lock) {
            return items.remove(index);
        }
    }

    /** IndexOutOfBoundsException when out of range. */
    public T get(int index) {
        synchronized (lock) {
            return items.get(index);
        }
    }

    public int size() {
        synchronized (lock) {
            return items.size();
        }
    }

    /** Appends {@code value} unless an equal element is present (check and act under one lock); true if it did. */
    public boolean appendIfAbsent(T value) {
        synchronized (lock) {
            for (T item : items) {
                if (Objects.equals(item, value)) {
                    return false;
                }
            }
        }
        append(value);
        return true;
    }

    /** An independent copy of the whole list as it was at one instant. */
    public List<T> snapshot() {
        synchronized (lock) {
            return new ArrayList<>(items);
        }
    }
}
