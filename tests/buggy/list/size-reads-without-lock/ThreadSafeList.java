// BUG: size() reads without the lock: one int read is atomic, so every model check passes, but nothing makes another thread's append visible - once the JIT compiles a loop calling size(), it reads the size once and never again
// CAUGHT-BY: size() sees an append made by another thread
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
        return items.size(); // "reading one int is atomic anyway" - but nothing makes another thread's append visible
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
        synchronized (lock) {
            return new ArrayList<>(items);
        }
    }
}
