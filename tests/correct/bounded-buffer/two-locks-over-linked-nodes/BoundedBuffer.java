// CORRECT: two locks, as in LinkedBlockingQueue: producers link new nodes at the tail under putLock, consumers unlink the head under takeLock, and a dummy head node keeps the two ends apart, so a put and a take never touch the same link; an AtomicInteger count orders them (its write after the link, its read before the unlink)
package boundedbuffer;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

public final class BoundedBuffer<T> {
    private static final class Node<T> {
        T item;
        Node<T> next;

        Node(T item) {
            this.item = item;
        }
    }

    private final Lock putLock = new ReentrantLock();
    private final Condition notFull = putLock.newCondition();
    private final Lock takeLock = new ReentrantLock();
    private final Condition notEmpty = takeLock.newCondition();
    private final AtomicInteger count = new AtomicInteger();
    private final int capacity;
    private Node<T> head = new Node<>(null); // guarded by takeLock; its item is always null
    private Node<T> last = head; // guarded by putLock

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public void put(T item) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        int before;
        putLock.lock();
        try {
            while (count.get() == capacity) {
                notFull.await();
            }
            last = last.next = new Node<>(item);
            before = count.getAndIncrement();
            if (before + 1 < capacity) {
                notFull.signal();
            }
        } finally {
            putLock.unlock();
        }
        if (before == 0) {
            takeLock.lock();
            try {
                notEmpty.signal();
            } finally {
                takeLock.unlock();
            }
        }
    }

    public T take() throws InterruptedException {
        T item;
        int before;
        takeLock.lock();
        try {
            while (count.get() == 0) {
                notEmpty.await();
            }
            Node<T> first = head.next;
            head = first; // the old dummy goes; first becomes the new dummy
            item = first.item;
            first.item = null;
            before = count.getAndDecrement();
            if (before > 1) {
                notEmpty.signal();
            }
        } finally {
            takeLock.unlock();
        }
        if (before == capacity) {
            putLock.lock();
            try {
                notFull.signal();
            } finally {
                putLock.unlock();
            }
        }
        return item;
    }

    public int size() {
        return count.get();
    }

    public int capacity() {
        return capacity;
    }
}
