// BUG: producers and consumers wait in the same monitor's wait set and each put/take wakes one of them with notify(): it can wake a thread of the same kind, which waits again, and the wake-up the other kind needed is lost - all threads end up waiting (Lincheck's model treats notify like notifyAll and misses it)
// CAUGHT-BY: many producers and consumers at once
package boundedbuffer;

import java.util.ArrayDeque;
import java.util.Objects;

public final class BoundedBuffer<T> {
    private final ArrayDeque<T> items;
    private final int capacity;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    public synchronized void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        while (items.size() == capacity) {
            wait();
        }
        items.addLast(item);
        notify();
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        T item = items.removeFirst();
        notify();
        return item;
    }

    public synchronized int size() {
        return items.size();
    }

    public int capacity() {
        return capacity;
    }
}
