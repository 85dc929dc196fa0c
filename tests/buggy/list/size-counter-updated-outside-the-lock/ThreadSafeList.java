// BUG: size() returns a counter that pop decrements after leaving the lock: a pop and an append (or two pops) at the same time can lose one update, and size() is wrong from then on - while the list itself stays right
// CAUGHT-BY: every operation is atomic against every change
package list;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public final class ThreadSafeList<T> {
    private final Object lock = new Object();
    private final List<T> items = new ArrayList<>();
    private int count; // kept beside the list, so that size() need not ask it

    public void append(T value) {
        synchronized (lock) {
            items.add(value);
            count++;
        }
    }

    public T pop(int index) {
        T popped;
        synchronized (lock) {
            popped = items.remove(index);
        }
        count--; // outside the lock: races with an append's count++ or another pop's count--
        return popped;
    }

    public T get(int index) {
        synchronized (lock) {
            return items.get(index);
        }
    }

    public int size() {
        synchronized (lock) {
            return count;
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
            count++;
            return true;
        }
    }

    public List<T> snapshot() {
        synchronized (lock) {
            return new ArrayList<>(items);
        }
    }
}
