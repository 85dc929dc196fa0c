// CORRECT: a ReentrantLock held for each whole read-modify-write, and for the read
package atomicint;

import java.util.concurrent.locks.ReentrantLock;

public final class AtomicInt {
    private final ReentrantLock lock = new ReentrantLock();
    private int value;

    public AtomicInt(int initialValue) {
        value = initialValue;
    }

    public int increment(int amount) {
        return add(amount);
    }

    public int decrement(int amount) {
        return add(-amount);
    }

    public int value() {
        lock.lock();
        try {
            return value;
        } finally {
            lock.unlock();
        }
    }

    public void setValue(int newValue) {
        lock.lock();
        try {
            value = newValue;
        } finally {
            lock.unlock();
        }
    }

    public boolean compareAndSet(int expectedValue, int newValue) {
        lock.lock();
        try {
            if (value != expectedValue) {
                return false;
            }
            value = newValue;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private int add(int amount) {
        lock.lock();
        try {
            value += amount;
            return value;
        } finally {
            lock.unlock();
        }
    }
}
