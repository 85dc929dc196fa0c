///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+

// Library collections that are not thread-safe, failing under threads: ArrayList and HashMap. Their documentation
// says so ("Note that this implementation is not synchronized"); the chapter's rule is to read it, and to assume
// nothing the documentation does not promise.
//
// Run:  ./jbang 2h-unsafe-collections                        (4 threads x 200,000 operations)
//       ./jbang 2h-unsafe-collections <threads> <operations-per-thread>
//
// You will see, for the same load on each collection: how many elements should be there, how many are, and what
// else went wrong. ArrayList loses adds, leaves null holes where two threads wrote the same slot and the size ran
// ahead, and sometimes throws ArrayIndexOutOfBoundsException while growing, or ends with a size larger than the array
// that holds its elements, so that even reading it back afterwards throws; HashMap loses puts (keys that were put
// are missing) and its size() disagrees with its contents, and once in a while a put never returns: the threads
// tangled the map's links and one loops in them for good (told as: a writer never finished). Which of these happen,
// and how often, varies from run to run. Collections.synchronizedList and ConcurrentHashMap are exact on every run:
// their lines end in "correct".

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

public class UnsafeCollections {
    public static void main(String[] args) throws InterruptedException {
        if (!String.join(" ", args).matches("|[1-9]\\d{0,5} [1-9]\\d{0,8}")) { // no arguments, or two positive counts
            System.err.println("usage: ./jbang 2h-unsafe-collections [<threads> <operations-per-thread>]");
            System.exit(2);
        }
        compare(args.length == 2 ? Integer.parseInt(args[0]) : 4, // threads
                args.length == 2 ? Integer.parseInt(args[1]) : 200_000); // operations per thread
    }

    /** Lets {@code threads} threads each add or put {@code operations} times to each collection, and reports. */
    static void compare(int threads, int operations) throws InterruptedException {
        long expected = (long) threads * operations;
        System.out.printf("%d threads x %,d adds or puts each, expected %,d elements:%n", threads, operations,
                expected);
        addConcurrently("ArrayList", new ArrayList<>(), threads, operations);
        addConcurrently("Collections.synchronizedList", Collections.synchronizedList(new ArrayList<>()), threads,
                operations);
        putConcurrently("HashMap", new HashMap<>(), threads, operations);
        putConcurrently("ConcurrentHashMap", new ConcurrentHashMap<>(), threads, operations);
    }

    private static void addConcurrently(String name, List<Integer> list, int threads, int operations)
            throws InterruptedException {
        LongAdder exceptions = new LongAdder();
        allAtOnce(threads, operations, () -> { // ArrayList's add never loops: its threads always end
            try {
                list.add(1);
            } catch (RuntimeException e) { // ArrayIndexOutOfBoundsException when two threads grow it at once
                exceptions.increment();
            }
        });
        long expected = (long) threads * operations;
        long nulls;
        try {
            nulls = list.stream().filter(Objects::isNull).count();
        } catch (RuntimeException e) { // its size ran past the array that holds its elements
            System.out.printf("  %-29s size %,10d   reading it back throws %s: its size ran past its array   BROKEN%n",
                    name + ":", list.size(), e.getClass().getSimpleName());
            return;
        }
        System.out.printf("  %-29s size %,10d   lost %,9d   nulls %,7d   exceptions %,5d   %s%n", name + ":",
                list.size(), expected - list.size(), nulls, exceptions.sum(),
                list.size() == expected && nulls == 0 && exceptions.sum() == 0 ? "correct" : "BROKEN");
    }

    private static void putConcurrently(String name, Map<Integer, Integer> map, int threads, int operations)
            throws InterruptedException {
        LongAdder exceptions = new LongAdder();
        AtomicInteger nextKey = new AtomicInteger(); // every put uses a new key, so every put should add an entry
        boolean ended = allAtOnce(threads, operations, () -> {
            int key = nextKey.getAndIncrement();
            try {
                map.put(key, key);
            } catch (RuntimeException e) { // e.g. ClassCastException when a bucket turns into a tree meanwhile
                exceptions.increment();
            }
        });
        if (!ended) { // a put that never returns: reading the map now could loop forever too
            System.out.printf("  %-29s a writer never finished: it loops inside the map, whose links the threads'"
                    + " puts tangled   BROKEN%n", name + ":");
            return;
        }
        long expected = (long) threads * operations;
        long missing = 0;
        for (int key = 0; key < expected; key++) {
            if (!map.containsKey(key)) {
                missing++;
            }
        }
        System.out.printf("  %-29s size %,10d   missing keys %,9d   exceptions %,5d   %s%n", name + ":", map.size(),
                missing, exceptions.sum(), map.size() == expected && missing == 0 && exceptions.sum() == 0
                        ? "correct" : "BROKEN");
    }

    /**
     * Starts the threads, each running {@code operation} {@code times} times, all at once; returns whether all ended
     * within 30 s (a correct run takes well under one). The threads are daemons: one that loops for good inside a
     * broken collection does not keep the program from ending.
     */
    private static boolean allAtOnce(int threads, int times, Runnable operation) throws InterruptedException {
        Phaser startLine = new Phaser(threads + 1); // every thread waits here until all exist, so they collide
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(Thread.ofPlatform().daemon().start(() -> {
                startLine.arriveAndAwaitAdvance();
                for (int i = 0; i < times; i++) {
                    operation.run();
                }
            }));
        }
        startLine.arriveAndAwaitAdvance();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (Thread writer : writers) {
            if (!writer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }
}
