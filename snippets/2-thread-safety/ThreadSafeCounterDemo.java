///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES ../../solutions/counter/ThreadSafeCounter.java

// ThreadSafeCounter: the chapter's counter with a lock. Under the same load that makes the unguarded counter lose
// updates, it loses none. The unguarded counter and the load are in this file; ThreadSafeCounter is the exercise's
// reference solution (solutions/counter/ThreadSafeCounter.java).
//
// Run:  ./jbang 2b-thread-safe-counter                        (8 threads x 1,000,000 increments)
//       ./jbang 2b-thread-safe-counter <threads> <increments-per-thread>
//
// You will see two lines with the same load: "unguarded counter:" (lost > 0 - how many varies from run to run) and
// "ThreadSafeCounter:" (lost 0, on every run), and how long each took: the lock costs time.

import counter.ThreadSafeCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.function.IntSupplier;

public class ThreadSafeCounterDemo {
    public static void main(String[] args) throws InterruptedException {
        if (!String.join(" ", args).matches("|[1-9]\\d{0,5} [1-9]\\d{0,8}")) { // no arguments, or two positive counts
            System.err.println("usage: ./jbang 2b-thread-safe-counter [<threads> <increments-per-thread>]");
            System.exit(2);
        }
        int threads = args.length == 2 ? Integer.parseInt(args[0]) : 8;
        int incrementsPerThread = args.length == 2 ? Integer.parseInt(args[1]) : 1_000_000;
        long expected = (long) threads * incrementsPerThread;
        System.out.printf("%d threads x %,d increments, one shared counter, expected %,d%n", threads,
                incrementsPerThread, expected);

        UnguardedCounter unguarded = new UnguardedCounter();
        print("unguarded counter", expected, unguarded::value, SameLoad.run(threads, incrementsPerThread,
                unguarded::increment));

        ThreadSafeCounter counter = new ThreadSafeCounter();
        print("ThreadSafeCounter", expected, counter::value, SameLoad.run(threads, incrementsPerThread,
                counter::increment));
    }

    private static void print(String name, long expected, IntSupplier value, Duration took) {
        System.out.printf("%-18s actual %,14d   lost %,12d   (%,d ms)%n", name + ":", value.getAsInt(),
                expected - value.getAsInt(), took.toMillis());
    }
}

/** count++ with no lock (2a-lost-updates shows it on its own): read, add one, write back, and nothing in between. */
final class UnguardedCounter {
    private volatile int count; // volatile: the JIT may not keep it in a register, so the race shows in this loop

    void increment() {
        count++;
    }

    int value() {
        return count;
    }
}

// tag::same-load[]
/** The same load for any counter: threads that all call its increment at the same time, timed. */
final class SameLoad {
    static Duration run(int threads, int incrementsPerThread, Runnable increment) throws InterruptedException {
        Phaser startLine = new Phaser(threads + 1); // every thread waits here until all exist, so they overlap
        List<Thread> incrementers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            incrementers.add(Thread.ofPlatform().start(() -> {
                startLine.arriveAndAwaitAdvance();
                for (int i = 0; i < incrementsPerThread; i++) {
                    increment.run();
                }
            }));
        }
        startLine.arriveAndAwaitAdvance(); // all arrived: go
        long start = System.nanoTime();
        for (Thread incrementer : incrementers) {
            incrementer.join(); // after join, the thread's increments are visible here
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
// end::same-load[]
