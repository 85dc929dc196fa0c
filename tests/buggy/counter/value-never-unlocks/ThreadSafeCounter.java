// BUG: value() returns before unlock() (no try/finally), so the lock stays held and other threads block forever
// CAUGHT-BY: act as if one at a time
// CAUGHT-BY: value() sees an increment made by another thread
package counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

public final class ThreadSafeCounter {
    private final Lock lock = new ReentrantLock();
    private int count;

    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    public int value() {
        lock.lock();
        return count;
    }
}
