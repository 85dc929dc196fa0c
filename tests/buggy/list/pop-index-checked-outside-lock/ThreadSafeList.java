// BUG: pop checks the index against size() before it takes the lock; by the time it removes, another pop may have shrunk the list, so it returns a null and loses an element
// CAUGHT-BY: pop from two threads at the same time removes two different elements
package list;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A list on its own array: every method locks, but pop decides "index in range" on a stale size. */
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
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
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
            Objects.checkIndex(index, size);
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
