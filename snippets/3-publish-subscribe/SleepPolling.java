///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES ../../solutions/queue/ThreadSafeQueue.java

// The sleep-polling consumer that a condition object replaces, measured: how late it sees each item and how much
// CPU it burns while it waits, for several sleep durations, against a consumer that waits on a condition. The
// sleep-polling queue, the producer and the consumer are all in this file; the condition queue is the exercise's
// reference solution (solutions/queue/ThreadSafeQueue.java).
//
// Run:  ./jbang 3b-sleep-polling                  (50 items per measurement, about 3 s in all)
//       ./jbang 3b-sleep-polling <items>
//
// You will see one line per way of waiting ("condition (ThreadSafeQueue)", then "sleep-polling, sleep 0.1 ms" and
// longer sleeps): the median and 99th-percentile time from put to the consumer having the item, and the consumer
// thread's CPU time. Sleep-polling trades one for the other: with a 50 ms sleep an item
// waits about 25 ms on average (up to 50), with a 0.1 ms sleep it is quick but the consumer wakes thousands of
// times for nothing and burns CPU. The condition is quick AND cheap: the consumer sleeps until a put wakes it.
// The exact numbers vary from run to run and machine to machine; on a busy machine every latency grows.

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import queue.ThreadSafeQueue;

public class SleepPolling {
    public static void main(String[] args) throws InterruptedException {
        int items = 50;
        try {
            if (args.length == 1) {
                items = Integer.parseInt(args[0]);
                if (items < 1) {
                    throw new IllegalArgumentException();
                }
            } else if (args.length != 0) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("usage: ./jbang 3b-sleep-polling [<items>] (a positive integer, default 50)");
            System.exit(2);
        }
        List<Duration> sleeps = List.of(Duration.ofNanos(100_000), Duration.ofMillis(1), Duration.ofMillis(10),
                Duration.ofMillis(50));
        WaysToWait.condition(5); // warm up: let the JIT compile the code paths before anything is measured
        WaysToWait.sleepPolling(sleeps.get(0), 5);

        System.out.printf("%d items, put at random moments 2-12 ms apart (numbers vary from run to run):%n", items);
        System.out.printf("%-34s %16s %14s %14s%n", "waiting by", "median latency", "p99 latency", "consumer CPU");
        print(WaysToWait.condition(items));
        for (Duration sleep : sleeps) {
            print(WaysToWait.sleepPolling(sleep, items));
        }
    }

    private static void print(Latency result) {
        System.out.printf("%-34s %13.3f ms %11.3f ms %11.1f ms%n", result.waiting(), result.medianMillis(),
                result.p99Millis(), result.consumerCpuMillis());
    }
}

// tag::sleep-polling-queue[]
/**
 * What the chapter says you would have to write without a condition object: a lock and a sleep. The consumer looks,
 * and if the queue is empty it sleeps for a fixed time and looks again. It is correct - nothing is lost - but it
 * cannot be both prompt and cheap: a short sleep wakes the consumer again and again to find nothing, a long sleep
 * leaves items waiting. Do not use it; it is here to be measured against ThreadSafeQueue.
 */
final class SleepPollingQueue<T> {
    private final Lock lock = new ReentrantLock();
    private final ArrayDeque<T> items = new ArrayDeque<>();

    void put(T item) {
        lock.lock();
        try {
            items.addLast(item);
        } finally {
            lock.unlock();
        }
    }

    /** Removes the head, looking every {@code pollInterval} until there is one. */
    T take(Duration pollInterval) throws InterruptedException {
        while (true) {
            lock.lock();
            try {
                if (!items.isEmpty()) {
                    return items.removeFirst();
                }
            } finally {
                lock.unlock();
            }
            Thread.sleep(pollInterval); // never sleep holding the lock: the producer could not put meanwhile
        }
    }
}
// end::sleep-polling-queue[]

// tag::latency-result[]
/** Latencies in milliseconds; with fewer than 100 items the 99th percentile is simply the slowest item. */
record Latency(String waiting, int items, double medianMillis, double p99Millis, double consumerCpuMillis) {
    static Latency of(String waiting, long[] latencyNanos, long consumerCpuNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        int items = sorted.length;
        return new Latency(waiting, items, millis(sorted[(items - 1) / 2]),
                millis(sorted[(int) Math.ceil(items * 0.99) - 1]), millis(consumerCpuNanos));
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
// end::latency-result[]

// tag::wake-up-latency[]
/**
 * A producer and a consumer on one queue: how long each item waits between its put and the moment the consumer has
 * it ("wake-up latency"), and how much CPU time the consumer thread burns meanwhile. The producer puts {@code items}
 * timestamps with a random pause of 2-12 ms before each (fixed seed: the same pauses in every measurement), so items
 * arrive at moments the consumer cannot predict, as real events do.
 */
final class WakeUpLatency {
    interface Take {
        Long take() throws InterruptedException;
    }

    static Latency measure(String waiting, int items, Consumer<Long> put, Take take) throws InterruptedException {
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        long[] latencies = new long[items];
        long[] consumerCpu = new long[1];
        Thread consumer = Thread.ofPlatform().name("consumer").start(() -> {
            long cpuAtStart = threadBean.getCurrentThreadCpuTime();
            try {
                for (int i = 0; i < items; i++) {
                    long putAt = take.take(); // each item is the time of its put
                    latencies[i] = System.nanoTime() - putAt;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumerCpu[0] = threadBean.getCurrentThreadCpuTime() - cpuAtStart;
        });
        Random pauses = new Random(42);
        for (int i = 0; i < items; i++) { // this thread is the producer
            Thread.sleep(Duration.ofMillis(2 + pauses.nextInt(11)));
            put.accept(System.nanoTime());
        }
        consumer.join(); // also makes latencies and consumerCpu visible here
        return Latency.of(waiting, latencies, consumerCpu[0]);
    }
}
// end::wake-up-latency[]

// tag::ways-to-wait[]
/** The two ways a consumer can wait for the next item, measured by WakeUpLatency. */
final class WaysToWait {
    /** The consumer waits on a condition (ThreadSafeQueue.take): the producer's put wakes it. */
    static Latency condition(int items) throws InterruptedException {
        ThreadSafeQueue<Long> queue = new ThreadSafeQueue<>();
        return WakeUpLatency.measure("condition (ThreadSafeQueue)", items, queue::put, queue::take);
    }

    /** The consumer looks, and sleeps {@code pollInterval} whenever it finds nothing. */
    static Latency sleepPolling(Duration pollInterval, int items) throws InterruptedException {
        SleepPollingQueue<Long> queue = new SleepPollingQueue<>();
        return WakeUpLatency.measure("sleep-polling, sleep " + Latency.millis(pollInterval.toNanos()) + " ms",
                items, queue::put, () -> queue.take(pollInterval));
    }
}
// end::ways-to-wait[]
