// CORRECT: its own growing ring array with a head index and a count, a Lock with one Condition and signal(); poll waits with awaitNanos for the time it has left
package queue;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public final class ThreadSafeQueue<T> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition itemArrived = lock.newCondition();
    private Object[] ring = new Object[4];
    private int head;
    private int count;

    public void put(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            if (count == ring.length) {
                Object[] bigger = new Object[ring.length * 2];
                for (int i = 0; i < count; i++) {
                    bigger[i] = ring[(head + i) % ring.length];
                }
                ring = bigger;
                head = 0;
            }
            ring[(head + count) % ring.length] = item;
            count++;
            itemArrived.signal();
        } finally {
            lock.unlock();
        }
    }

    public T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                itemArrived.await();
            }
            return removeHead();
        } finally {
            lock.unlock();
        }
    }

    public Optional<T> poll(Duration timeout) throws InterruptedException {
        long nanosLeft = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (count == 0 && nanosLeft > 0) {
                nanosLeft = itemArrived.awaitNanos(nanosLeft);
            }
            return count == 0 ? Optional.empty() : Optional.of(removeHead());
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

    @SuppressWarnings("unchecked")
    private T removeHead() {
        T item = (T) ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        count--;
        return item;
    }
}
