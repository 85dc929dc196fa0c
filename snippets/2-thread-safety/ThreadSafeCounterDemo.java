///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES support/Contention.java support/TwoCounts.java support/UnguardedCounter.java support/LostUpdates.java
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
        TwoCounts counts = TwoCounts.parse(args, "2b-thread-safe-counter [<threads> <increments-per-thread>]")
                .orElse(new TwoCounts(8, 1_000_000));
        int threads = counts.first();
        int incrementsPerThread = counts.second();
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
}
