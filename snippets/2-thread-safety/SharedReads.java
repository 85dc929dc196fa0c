///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES support/Contention.java support/TwoCounts.java support/Position.java support/ReadersThroughput.java

// Shared data that many threads use AT ONCE, safely: "one thread at a time" is one answer, not the only one.
//
//   immutable object       a record (final fields) is never changed, so any number of threads read it with no lock;
//                          a change is a new object, swapped in by a lock-free compare-and-set loop
//   read-write lock        ReentrantReadWriteLock: many readers hold the read lock together, a writer alone
//   optimistic read        StampedLock: a reader takes no lock at all, reads, then checks that no writer came in
//                          between - and only if one did, reads again under the read lock
//
// Run:  ./jbang 2j-shared-reads                            (1, 2 and 4 reader threads x 2,000,000 reads each)
//       ./jbang 2j-shared-reads <max-threads> <reads-per-thread>
//
// You will see first that every way gives readers a consistent point (x == y: a writer moves both together) while a
// writer moves it, then one line per way and number of readers: reads per second, all threads together. Readers
// under synchronized take turns; the read-write lock lets them in together but each still writes to the lock's
// shared state; the optimistic read and the immutable object only read memory. So on an idle machine with several
// cores the last two scale with the readers and the first two do not. The throughput VARIES from run to run - a
// loaded 2-core machine cannot run 4 readers at once - and for numbers you can trust use a benchmark harness (JMH).

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

public class SharedReads {
    public static void main(String[] args) {
        TwoCounts counts = TwoCounts.parse(args, "2j-shared-reads [<max-threads> <reads-per-thread>]")
                .orElse(new TwoCounts(4, 2_000_000));
        List<Position> ways = List.of(new SynchronizedPosition(), new ReadWriteLockPosition(),
                new OptimisticPosition(), new ImmutablePosition());
        for (Position position : ways) {
            System.out.printf("%-28s readers saw x == y in every read while a writer moved it: %s%n",
                    position.name(), ReadersThroughput.consistentUnderWrites(position));
        }
        List<Integer> threadCounts = new ArrayList<>();
        for (int threads = 1; threads <= counts.first(); threads *= 2) {
            threadCounts.add(threads);
        }
        System.out.printf("%nreaders only, %,d reads per thread (throughput varies from run to run):%n",
                counts.second());
        for (ReadersThroughput.Result result : ReadersThroughput.compare(ways, threadCounts, counts.second())) {
            System.out.printf("  %-28s %d thread(s) %8.1f million reads/s%n", result.way(), result.threads(),
                    result.millionsPerSecond());
        }
    }
}

// tag::synchronized[]
/** One thread at a time, readers too. */
final class SynchronizedPosition implements Position {
    private int x, y;

    public String name() { return "synchronized"; }

    public synchronized void move(int by) { x += by; y += by; }

    public synchronized int skew() { return x - y; }
}
// end::synchronized[]

// tag::read-write-lock[]
/** Many readers at once, or one writer. */
final class ReadWriteLockPosition implements Position {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int x, y;

    public String name() { return "ReentrantReadWriteLock"; }

    public void move(int by) {
        lock.writeLock().lock();
        try { x += by; y += by; } finally { lock.writeLock().unlock(); }
    }

    public int skew() {
        lock.readLock().lock();
        try { return x - y; } finally { lock.readLock().unlock(); }
    }
}
// end::read-write-lock[]

// tag::optimistic[]
/** Readers take no lock: they read, then check that no writer came in between (StampedLock). */
final class OptimisticPosition implements Position {
    private final StampedLock lock = new StampedLock();
    private int x, y;

    public String name() { return "StampedLock optimistic read"; }

    public void move(int by) {
        long stamp = lock.writeLock();
        try { x += by; y += by; } finally { lock.unlockWrite(stamp); }
    }

    public int skew() {
        long stamp = lock.tryOptimisticRead();
        int seenX = x, seenY = y;
        if (lock.validate(stamp)) {
            return seenX - seenY; // no writer in between: the two reads belong together
        }
        stamp = lock.readLock(); // a writer came in: read again, this time under the lock
        try { return x - y; } finally { lock.unlockRead(stamp); }
    }
}
// end::optimistic[]

// tag::immutable[]
/** An immutable point, never changed: a move makes a new one and swaps it in with compare-and-set. */
final class ImmutablePosition implements Position {
    record Point(int x, int y) {}

    private final AtomicReference<Point> current = new AtomicReference<>(new Point(0, 0));

    public String name() { return "immutable record + CAS"; }

    public void move(int by) {
        while (true) { // the lock-free compare-and-set loop
            Point seen = current.get();
            if (current.compareAndSet(seen, new Point(seen.x() + by, seen.y() + by))) {
                return;
            }
        } // another writer swapped in a point since we read: read again and retry
    }

    public int skew() {
        Point point = current.get(); // no lock: nobody can change this object
        return point.x() - point.y();
    }
}
// end::immutable[]
