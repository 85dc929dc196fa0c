// BUG: put never waits: the capacity is stored but not enforced, so a slow consumer lets the buffer grow without limit
// CAUGHT-BY: put on a full buffer waits
// STRESS-CAUGHT-BY: put on a full buffer waits for a take
package boundedbuffer;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed-capacity FIFO buffer between producers and consumers. One lock guards the items; two conditions of that
 * lock name the two things a thread can wait for: {@code notFull} (producers) and {@code notEmpty} (consumers).
 * With two conditions, {@code signal()} wakes a thread that waits for exactly the change that just happened.
 */
public final class BoundedBuffer<T> {
    private final Lock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<T> items;
    private final int capacity;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    /** Adds {@code item} at the tail, waiting while the buffer is full. */
    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the head, waiting while the buffer is empty. */
    public T take() throws InterruptedException {
        lock.lock();
        try {
            while (items.isEmpty()) {
                notEmpty.await();
            }
            T item = items.removeFirst();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return capacity;
    }
}
