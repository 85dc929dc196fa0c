package threadsafety;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter that looks guarded: increment() holds {@code lock}, and value() is {@code synchronized} - on the
 * counter's own monitor, another lock. No update is lost (every increment holds {@code lock}), and on x86 HotSpot the
 * reader always sees the latest count. But no lock orders the read after the writes: the Java Memory Model lets
 * value() return a stale count for ever.
 */
public final class ReaderUnderAnotherLock {
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

    public synchronized int value() {
        return count;
    }
}
