// CORRECT: a ReentrantReadWriteLock: value() holds the read lock, every change the write lock for its whole read-modify-write - readers share, writers are alone
package atomicint;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** An integer whose every operation is atomic: a read-write lock, the write lock for every change. */
public final class AtomicInt {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int value;

    public AtomicInt(int initialValue) {
        lock.writeLock().lock();
        try {
            value = initialValue;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int increment(int amount) {
        lock.writeLock().lock();
        try {
            value += amount;
            return value;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int decrement(int amount) {
        lock.writeLock().lock();
        try {
            value -= amount;
            return value;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int value() {
        lock.readLock().lock();
        try {
            return value;
        } finally {
            lock.readLock().unlock();
        }
    }

    public void setValue(int newValue) {
        lock.writeLock().lock();
        try {
            value = newValue;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean compareAndSet(int expectedValue, int newValue) {
        lock.writeLock().lock();
        try {
            if (value != expectedValue) {
                return false;
            }
            value = newValue;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
