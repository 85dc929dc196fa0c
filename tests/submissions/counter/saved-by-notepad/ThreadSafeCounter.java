// A correct counter saved by Windows Notepad: a byte-order mark before the first character and CRLF line ends.
// The grader must compile it as it is (javac alone says "illegal character: '\ufeff'").
package counter;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter that any number of threads may share. Thread-safe, and its name says so.
 *
 * <p>Every access to {@code count} happens while holding {@code lock}. That gives two guarantees: the
 * read-modify-write in {@link #increment()} is never interleaved with another thread's (no lost updates), and a
 * thread that takes the lock sees every write made by the last thread that released it (the Java Memory Model's
 * happens-before rule for locks), so {@link #value()} never returns a stale number.
 */
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
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
