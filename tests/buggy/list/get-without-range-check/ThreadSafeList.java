// BUG: get and pop trust the index: get(size) returns a null from the spare array slots instead of throwing IndexOutOfBoundsException, and pop(size) shrinks the list
// CAUGHT-BY: get and pop outside 0..size-1 throw IndexOutOfBoundsException
package list;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A list on its own array, with no range checks of its own. */
public final class ThreadSafeList<T> {
    private final Object lock = new Object();
    private Object[] items = new Object[8];
    private int size;

    public void append(T value) {
        synchronized (lock) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }
    }

    @SuppressWarnings("unchecked")
    public T pop(int index) {
        synchronized (lock) {
            T value = (T) items[index];
            System.arraycopy(items, index + 1, items, index, Math.max(0, size - index - 1));
            items[--size] = null;
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    public T get(int index) {
        synchronized (lock) {
            return (T) items[index];
        }
    }

    public int size() {
        synchronized (lock) {
            return size;
        }
    }

    public boolean appendIfAbsent(T value) {
        synchronized (lock) {
            for (int i = 0; i < size; i++) {
                if (Objects.equals(items[i], value)) {
                    return false;
                }
            }
            append(value);
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    public List<T> snapshot() {
        synchronized (lock) {
            return new ArrayList<>((List<T>) Arrays.asList(Arrays.copyOf(items, size)));
        }
    }
}
