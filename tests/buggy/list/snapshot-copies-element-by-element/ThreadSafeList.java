// BUG: snapshot copies with size() and then get(i) for each index, each call atomic but not the copy: an append at the end leaves the copy consistent (so the snapshot-while-appending check passes), but a pop in between shifts the elements and the copy skips one or throws
// CAUGHT-BY: every operation is atomic against every change
package list;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public final class ThreadSafeList<T> {
    private final Object lock = new Object();
    private final List<T> items = new ArrayList<>();

    public void append(T value) {
        synchronized (lock) {
            items.add(value);
        }
    }

    public T pop(int index) {
        synchronized (lock) {
            return items.remove(index);
        }
    }

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

    public boolean appendIfAbsent(T value) {
        synchronized (lock) {
            for (T item : items) {
                if (Objects.equals(item, value)) {
                    return false;
                }
            }
            items.add(value);
            return true;
        }
    }

    public List<T> snapshot() {
        List<T> copy = new ArrayList<>();
        int size = size();
        for (int i = 0; i < size; i++) {
            copy.add(get(i)); // each get is atomic; the loop is not - a pop in between shifts the rest
        }
        return copy;
    }
}
