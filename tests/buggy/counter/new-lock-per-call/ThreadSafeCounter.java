// BUG: every call creates its own lock, so no two threads ever wait for each other - the lock guards nothing
// CAUGHT-BY: act as if one at a time
package counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

public final class ThreadSafeCounter {
    private int count;

    public void increment() {
        Lock lock = new ReentrantLock();
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    public int value() {
        Lock lock = new ReentrantLock();
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
