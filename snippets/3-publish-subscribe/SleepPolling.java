///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES support/SleepPollingQueue.java support/WakeUpLatency.java ../../solutions/queue/ThreadSafeQueue.java

// The sleep-polling consumer that a condition object replaces, measured: how late it sees each item and how much
// CPU it burns while it waits, for several sleep durations, against a consumer that waits on a condition.
//
// Run:  ./jbang 3b-sleep-polling                  (50 items per measurement, about 3 s in all)
//       ./jbang 3b-sleep-polling <items>
//
// You will see one line per way of waiting: the median and 99th-percentile time from put to the consumer having
// the item, and the consumer thread's CPU time. Sleep-polling trades one for the other: with a 50 ms sleep an item
// waits about 25 ms on average (up to 50), with a 0.1 ms sleep it is quick but the consumer wakes thousands of
// times for nothing and burns CPU. The condition is quick AND cheap: the consumer sleeps until a put wakes it.
// The exact numbers vary from run to run and machine to machine; on a busy machine every latency grows.

import java.time.Duration;
import java.util.List;
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

    private static void print(WakeUpLatency.Result result) {
        System.out.printf("%-34s %13.3f ms %11.3f ms %11.1f ms%n", result.waiting(), result.medianMillis(),
                result.p99Millis(), result.consumerCpuMillis());
    }
}

// tag::ways-to-wait[]
/** The two ways a consumer can wait for the next item, measured by WakeUpLatency. */
final class WaysToWait {
    /** The consumer waits on a condition (ThreadSafeQueue.take): the producer's put wakes it. */
    static WakeUpLatency.Result condition(int items) throws InterruptedException {
        ThreadSafeQueue<Long> queue = new ThreadSafeQueue<>();
        return WakeUpLatency.measure("condition (ThreadSafeQueue)", items, queue::put, queue::take);
    }

    /** The consumer looks, and sleeps {@code pollInterval} whenever it finds nothing. */
    static WakeUpLatency.Result sleepPolling(Duration pollInterval, int items) throws InterruptedException {
        SleepPollingQueue<Long> queue = new SleepPollingQueue<>();
        return WakeUpLatency.measure("sleep-polling, sleep " + WakeUpLatency.millis(pollInterval.toNanos()) + " ms",
                items, queue::put, () -> queue.take(pollInterval));
    }
}
// end::ways-to-wait[]
