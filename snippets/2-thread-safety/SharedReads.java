///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+

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
// writer moves it ("readers saw x == y in every read while a writer moved it: true"), then one line per way and
// number of readers: reads per second, all threads together. Readers under synchronized take turns; the read-write
// lock lets them in together but each still writes to the lock's shared state; the optimistic read and the immutable
// object only read memory. So on an idle machine with several cores the last two scale with the readers and the
// first two do not. The throughput VARIES from run to run - a
// loaded 2-core machine cannot run 4 readers at once - and for numbers you can trust use a benchmark harness (JMH).

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

public class SharedReads {
    public static void main(String[] args) throws InterruptedException {
        List<Position> ways = List.of(new SynchronizedPosition(), new ReadWriteLockPosition(),
                new OptimisticPosition(), new ImmutablePosition());
        if (!String.join(" ", args).matches("|[1-9]\\d{0,3} [1-9]\\d{0,8}")) { // no arguments, or two positive counts
            System.err.println("usage: ./jbang 2j-shared-reads [<max-threads> <reads-per-thread>]");
            System.exit(2);
        }
        int maxThreads = args.length == 2 ? Integer.parseInt(args[0]) : 4;
        int readsPerThread = args.length == 2 ? Integer.parseInt(args[1]) : 2_000_000;
        for (Position position : ways) {
            System.out.printf("%-28s readers saw x == y in every read while a writer moved it: %s%n",
                    position.name(), ReadersUnderAWriter.consistent(position));
        }
        List<Integer> threadCounts = new ArrayList<>();
        for (int threads = 1; threads <= maxThreads; threads *= 2) {
            threadCounts.add(threads);
        }
        System.out.printf("%nreaders only, %,d reads per thread (throughput varies from run to run):%n",
                readsPerThread);
        for (ReadersThroughput.Result result : ReadersThroughput.compare(ways, threadCounts, readsPerThread)) {
            System.out.printf("  %-28s %d thread(s) %8.1f million reads/s%n", result.way(), result.threads(),
                    result.millionsPerSecond());
        }
    }
}

// tag::position[]
/** A point that a writer moves and readers read; x and y always change together, so a reader must see x == y. */
interface Position {
    String name();

    /** Moves the point: x and y both grow by {@code by}. */
    void move(int by);

    /** x - y as one reader saw them: 0 unless the reader saw a half-done move. */
    int skew();
}
// end::position[]

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

// tag::under-a-writer[]
/** One writer moves the point while this thread reads it: does any read see x and y apart? */
final class ReadersUnderAWriter {
    static boolean consistent(Position position) throws InterruptedException {
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200_000; i++) {
                position.move(1);
            }
        });
        boolean consistent = true;
        while (writer.isAlive()) {
            consistent &= position.skew() == 0;
        }
        writer.join();
        return consistent;
    }
}
// end::under-a-writer[]

// tag::readers-at-once[]
/** Reader threads that start together and each read the point {@code reads} times; the nanoseconds they took. */
final class ReadersAtOnce {
    static long read(Position position, int threads, int reads) throws InterruptedException {
        Phaser startLine = new Phaser(threads + 1); // every reader waits here until all exist, main too
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            readers.add(Thread.ofPlatform().start(() -> {
                startLine.arriveAndAwaitAdvance();
                int skew = 0;
                for (int i = 0; i < reads; i++) {
                    skew |= position.skew();
                }
                if (skew != 0) {
                    throw new AssertionError(position.name() + ": a read saw x != y");
                }
            }));
        }
        startLine.arriveAndAwaitAdvance();
        long start = System.nanoTime();
        for (Thread reader : readers) {
            reader.join();
        }
        return System.nanoTime() - start;
    }
}
// end::readers-at-once[]

// tag::readers-throughput[]
/** How fast threads that only read can read a Position, all at the same time. */
final class ReadersThroughput {
    record Result(String way, int threads, double millionsPerSecond) {}

    /** Each way with each number of reader threads, each thread reading {@code readsPerThread} times. */
    static List<Result> compare(List<Position> ways, List<Integer> threadCounts, int readsPerThread)
            throws InterruptedException {
        // Warm up every way before timing any: the read's call site then has seen all of them, so the JIT inlines
        // none - otherwise it could merge the first way's lock/unlock pairs across loop iterations and time nothing.
        for (Position way : ways) {
            ReadersAtOnce.read(way, 1, Math.max(1, readsPerThread / 4));
        }
        List<Result> results = new ArrayList<>();
        for (Position way : ways) {
            for (int threads : threadCounts) {
                long nanos = ReadersAtOnce.read(way, threads, readsPerThread);
                results.add(new Result(way.name(), threads, threads * (double) readsPerThread / nanos * 1e3));
            }
        }
        return results;
    }
}
// end::readers-throughput[]
