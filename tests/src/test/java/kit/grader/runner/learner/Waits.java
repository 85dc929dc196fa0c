package kit.grader.runner.learner;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Stands in for a learner's class in the runner's unit tests (its package plays the learner's package): calls that
 * wait for good on their own thread, each interruptible so that a test can end it - and one that only seems to.
 */
public final class Waits {
    private final ReentrantReadWriteLock readWrite = new ReentrantReadWriteLock();
    private final StampedLock stamped = new StampedLock();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition never = lock.newCondition();
    private final ReentrantLock fair = new ReentrantLock(true);
    private int count;

    /** Looks under the read lock, then asks for the write lock while still holding it: waits for itself. */
    public void appendIfAbsent() throws InterruptedException {
        readWrite.readLock().lockInterruptibly();
        try {
            readWrite.writeLock().lockInterruptibly();
            readWrite.writeLock().unlock();
        } finally {
            readWrite.readLock().unlock();
        }
    }

    /** Holds the StampedLock for writing and asks for it again to read: waits for itself. */
    public void compareAndSet() throws InterruptedException {
        long stamp = stamped.writeLockInterruptibly();
        try {
            stamped.unlockRead(stamped.readLockInterruptibly());
        } finally {
            stamped.unlockWrite(stamp);
        }
    }

    /** Waits on a Condition that nobody signals. */
    public void take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            never.await();
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps: it wakes up by itself. */
    public void nap() throws InterruptedException {
        Thread.sleep(60_000);
    }

    /**
     * Increments under a fair lock until interrupted: two threads calling it hand the lock to each other at every
     * call, so each is parked waiting for it at almost any moment - yet they move.
     */
    public void incrementForever() throws InterruptedException {
        while (true) {
            fair.lockInterruptibly();
            try {
                count++;
            } finally {
                fair.unlock();
            }
        }
    }
}
