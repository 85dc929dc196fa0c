// CORRECT: a fixed ring array with head and count, a Lock with two Conditions (roomFree for producers, itemReady for consumers) and signal(), interruptible lock acquisition
package boundedbuffer;

import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public final class BoundedBuffer<T> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomFree = lock.newCondition();
    private final Condition itemReady = lock.newCondition();
    private final Object[] ring;
    private int head;
    private int count;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        ring = new Object[capacity];
    }

    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (count == ring.length) {
                roomFree.await();
            }
            ring[(head + count) % ring.length] = item;
            count++;
            itemReady.signal();
        } finally {
            lock.unlock();
        }
    }

    @SuppressWarnings("unchecked")
    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                itemReady.await();
            }
            T item = (T) ring[head];
            ring[head] = null;
            head = (head + 1) % ring.length;
            count--;
            roomFree.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return ring.length;
    }
}
