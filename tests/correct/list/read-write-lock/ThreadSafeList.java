// CORRECT: a ReentrantReadWriteLock - get, size and snapshot share the read lock, append, pop and appendIfAbsent hold the write lock (appendIfAbsent checks and appends under one write-lock hold)
package list;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public final class ThreadSafeList<T> {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<T> items = new ArrayList<>();

    public void append(T value) {
        lock.writeLock().lock();
        try {
            items.add(value);
        } finally {
            lock.writeLock().unlock();
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
            if (items.stream().anyMatch(item -> Objects.equals(item, value))) {
                return false;
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
