// CORRECT: no lock: an AtomicInteger's incrementAndGet is one atomic read-modify-write, and get is a volatile read
package counter;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counter that any number of threads may share. Thread-safe, and its name says so.
 *
 * <p>Every access to {@code count} happens while holding {@code lock}. That gives two guarantees: the
 * read-modify-write in {@link #increment()} is never interleaved with another thread's (no lost updates), and a
 * thread that takes the lock sees every write made by the last thread that released it (the Java Memory Model's
 * happens-before rule for locks), so {@link #value()} never returns a stale number.
 */
public final class ThreadSafeCounter {
    private final AtomicInteger count = new AtomicInteger();

    public void increment() {
        count.incrementAndGet();
    }

    public int value() {
        return count.get();
    }
}
