// BUG: append holds the READ lock of a read-write lock, which many threads may hold at once, so two appends can still overwrite each other
// CAUGHT-BY: appends from two threads at the same time are all kept
package list;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Readers share the read lock; writers should take the write lock - but append mistakes itself for a reader. */
public final class ThreadSafeList<T> {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<T> items = new ArrayList<>();

    public void append(T value) {
        lock.readLock().lock();
        try {
            items.add(value);
        } finally {
            lock.readLock().unlock();
        }
    }

    public T pop(int index) {
        lock.writeLock().lock();
        try {
            return items.remove(index);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public T get(int index) {
        lock.readLock().lock();
        try {
            return items.get(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return items.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean appendIfAbsent(T value) {
        lock.writeLock().lock();
        try {
            for (T item : items) {
                if (Objects.equals(item, value)) {
                    return false;
                }
            }
            items.add(value);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public List<T> snapshot() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(items);
        } finally {
            lock.readLock().unlock();
        }
    }
}
