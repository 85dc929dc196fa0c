// BUG: pop and get are synchronized on the list object, every other method on the private lock: pop excludes get and other pops, but runs in the middle of append, appendIfAbsent, size and snapshot - wrong only against those pairs
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

    public synchronized T pop(int index) { // this object's monitor, not lock: pop and get only exclude each other
        return items.remove(index);
    }

    public synchronized T get(int index) {
        return items.get(index);
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
        synchronized (lock) {
            return new ArrayList<>(items);
        }
    }
}
