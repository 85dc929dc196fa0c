// CORRECT: the object's own monitor - synchronized methods, wait() in a loop, notifyAll() after each put and take (producers and consumers share one wait set, so every waiter must hear of every change)
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
        notifyAll();
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        T item = items.removeFirst();
        notifyAll();
        return item;
    }

    public synchronized int size() {
        return items.size();
    }

    public int capacity() {
        return capacity;
    }
}
