///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+

// The java.util.concurrent queues you would use in production instead of writing your own: ArrayBlockingQueue
// (bounded, one array) and LinkedBlockingQueue (optionally bounded, linked nodes), written and tested by the JDK's
// authors. Both do what the chapter's queue with a condition object does, not both the same way: ArrayBlockingQueue
// has one lock and two conditions of it; LinkedBlockingQueue has two locks - one for put, one for take - each with
// its condition, and an atomic count between them, so a producer and a consumer need not wait for each other.
// (SynchronousQueue and LinkedTransferQueue take no lock at all.) One lock with conditions is enough, not required.
//
// Run:  ./jbang 3d-blocking-queue
//
// You will see the four ways to put and take - put/take wait, offer/poll with a timeout give up, offer/poll without
// one return at once ("-> null at once (empty)") - and then one producer feeding 3,000 items to three consumers
// through a LinkedBlockingQueue, stopped with a poison pill: one special item per consumer that tells it there is
// no more work. Every item is taken exactly once on every run ("each taken exactly once: true"); how the items split
// among the consumers, and the waiting times, vary.

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

public class BlockingQueues {
    /** The poison pill: a value no real item has (they are 1..items). */
    private static final int NO_MORE_WORK = -1;

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 0) {
            System.err.println("usage: ./jbang 3d-blocking-queue (no arguments)");
            System.exit(2);
        }
        waitOrGiveUp();
        poisonPill(3_000, 3);
    }

    /** put and take wait; offer and poll give up, at once or after a timeout. */
    static void waitOrGiveUp() throws InterruptedException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(2);
        queue.put("a"); // waits while full
        queue.put("b");
        System.out.println("ArrayBlockingQueue, capacity 2, holding [a, b]:");
        System.out.println("  offer(c)             -> " + queue.offer("c") + " at once (full)");
        long start = System.nanoTime();
        boolean offered = queue.offer("c", 100, TimeUnit.MILLISECONDS);
        System.out.printf("  offer(c, 100 ms)     -> %s after %d ms (still full)%n", offered, sinceMillis(start));
        System.out.println("  take()               -> " + queue.take() + ", take() -> " + queue.take()
                + " (FIFO; take waits while empty)");
        System.out.println("  poll()               -> " + queue.poll() + " at once (empty)");
        start = System.nanoTime();
        String polled = queue.poll(100, TimeUnit.MILLISECONDS);
        System.out.printf("  poll(100 ms)         -> %s after %d ms (still empty)%n", polled, sinceMillis(start));
    }

    /** One producer puts 1..items, then one poison pill per consumer; each consumer stops at its pill. */
    static void poisonPill(int items, int consumers) throws InterruptedException {
        BlockingQueue<Integer> queue = new LinkedBlockingQueue<>(100); // bounded: a fast producer waits for space
        ConcurrentLinkedQueue<Integer> taken = new ConcurrentLinkedQueue<>();
        List<Thread> consumerThreads = new ArrayList<>();
        List<int[]> shares = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            int[] share = new int[1]; // written by its consumer only, read after join
            shares.add(share);
            consumerThreads.add(Thread.ofPlatform().name("consumer-" + c).start(() -> {
                try {
                    for (int item = queue.take(); item != NO_MORE_WORK; item = queue.take()) {
                        taken.add(item);
                        share[0]++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (int item = 1; item <= items; item++) {
            queue.put(item);
        }
        for (int c = 0; c < consumers; c++) {
            queue.put(NO_MORE_WORK); // one pill per consumer: each consumer swallows one and returns
        }
        for (Thread consumer : consumerThreads) {
            consumer.join();
        }
        boolean exactlyOnce = taken.size() == items && new HashSet<>(taken).size() == items;
        List<Integer> perConsumer = shares.stream().map(share -> share[0]).toList();
        System.out.printf("LinkedBlockingQueue, 1 producer, %d consumers, poison pill to stop: %,d items, each taken"
                + " exactly once: %s (shares %s), all consumers returned: %s%n", consumers, taken.size(), exactlyOnce,
                perConsumer, consumerThreads.stream().noneMatch(Thread::isAlive));
    }

    private static long sinceMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
