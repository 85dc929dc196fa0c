///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES Contention.java UnguardedCounter.java LostUpdates.java
//SOURCES ../../solutions/counter/ThreadSafeCounter.java

// ThreadSafeCounter: the chapter's counter with a lock. Under the same load that makes the unguarded counter lose
// updates, it loses none.
//
// Run:  ./jbang 2b-thread-safe-counter                        (8 threads x 1,000,000 increments)
//       ./jbang 2b-thread-safe-counter <threads> <increments-per-thread>
//
// You will see two lines with the same load: the unguarded counter (lost > 0 - how many varies from run to run) and
// ThreadSafeCounter (lost 0, on every run), and how long each took: the lock costs time.

import counter.ThreadSafeCounter;
import java.time.Duration;

public class ThreadSafeCounterDemo {
    public static void main(String[] args) {
        int threads = 8;
        int incrementsPerThread = 1_000_000;
        try {
            if (args.length == 2) {
                threads = positive(args[0]);
                incrementsPerThread = positive(args[1]);
            } else if (args.length != 0) {
                throw new IllegalArgumentException("expected no arguments or two");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(
                    "usage: ./jbang 2b-thread-safe-counter [<threads> <increments-per-thread>] (positive integers)");
            System.exit(2);
        }
        long expected = (long) threads * incrementsPerThread;
        System.out.printf("%d threads x %,d increments, one shared counter, expected %,d%n", threads,
                incrementsPerThread, expected);

        LostUpdates.Result unguarded = LostUpdates.measure(threads, incrementsPerThread);
        print("unguarded counter", expected, unguarded.actual(), unguarded.took());

        ThreadSafeCounter counter = new ThreadSafeCounter();
        Duration took = Contention.run(threads, incrementsPerThread, counter::increment);
        print("ThreadSafeCounter", expected, counter.value(), took);
    }

    private static void print(String name, long expected, long actual, Duration took) {
        System.out.printf("%-18s actual %,14d   lost %,12d   (%,d ms)%n", name + ":", actual, expected - actual,
                took.toMillis());
    }

    private static int positive(String text) {
        int value = Integer.parseInt(text);
        if (value < 1) {
            throw new IllegalArgumentException(text);
        }
        return value;
    }
}
