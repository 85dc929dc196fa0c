// BUG: put calls notify() only when the buffer was empty, take only when it was full: two consumers wait, two puts come before the woken one runs - the second put wakes nobody, so a consumer waits on beside an item (and one wait set holds both kinds, so a notify can reach the wrong one)
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
        if (items.size() == 1) {
            notify(); // "only an empty buffer has waiting consumers" - but the woken one may not have run yet
        }
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        T item = items.removeFirst();
        if (items.size() == capacity - 1) {
            notify();
        }
        return item;
    }

    public synchronized int size() {
        return items.size();
    }

    public int capacity() {
        return capacity;
    }
}
