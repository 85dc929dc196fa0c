///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES ../../solutions/queue/ThreadSafeQueue.java

// The chapter's queue with a condition object, its producer and its consumer - done correctly in Java: one lock
// guards the items AND owns the condition, and a consumer waits in a loop.
//
// Run:  ./jbang 3a-condition-queue
//
// You will see that a producer thread put 1,000 items and a consumer thread took all 1,000 in the order they were
// put ("delivered 1000 items in order: true"), and then that with one producer and three consumers every item was
// taken exactly once ("each taken exactly once: true"). Those lines are the same on every run; how the items split
// among the three consumers varies.
//
// Why not translate the chapter's version line by line? It keeps the list in a list with a lock of its own and waits
// on a Condition that has a second lock. It works because MsgQueueProducer and MsgQueueConsumer touch the list only
// while they hold the condition's lock: that lock alone keeps them apart, and the list's own lock adds nothing. It
// breaks when the list is used without the condition's lock: has_item reads it under no common lock with the
// change, and anyone who calls append directly changes it without waking the consumer. In Java:
//  - a Condition belongs to one Lock, and await()/signal() must be called holding that lock (else
//    IllegalMonitorStateException; Python's Condition.wait raises too). That is all Java checks: nothing ties the
//    state to the lock, so guarding the state with the condition's lock - one lock - is a discipline you keep;
//  - a check made under a different lock than the change is a data race (no happens-before: the consumer may see a
//    stale list), and can miss the signal: check "empty", producer appends and signals, then start waiting - forever;
//  - Java's ArrayList and ArrayDeque are not atomic per call, the way CPython's list happens to be;
//  - Python's wait_for loops for you; Java's await() returns on any signal and even spuriously, so you write
//    while (items.isEmpty()) notEmpty.await(); - a wake-up is only a hint to check again.
// ThreadSafeQueue keeps all of that inside put/take, so a producer is just a thread that calls put and a consumer
// one that calls take.

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import queue.ThreadSafeQueue;

public class ConditionQueue {
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 0) {
            System.err.println("usage: ./jbang 3a-condition-queue (no arguments)");
            System.exit(2);
        }
        OneConsumer.run(1_000);
        ThreeConsumers.run(1_000);
    }
}

// tag::one-consumer[]
/** One producer puts 1..items into the queue; one consumer takes them, waiting whenever the queue is empty. */
final class OneConsumer {
    static void run(int items) throws InterruptedException {
        ThreadSafeQueue<Integer> queue = new ThreadSafeQueue<>();
        List<Integer> received = new ArrayList<>();
        Thread consumer = Thread.ofPlatform().name("consumer").start(() -> {
            try {
                for (int i = 0; i < items; i++) {
                    received.add(queue.take()); // waits while the queue is empty
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread producer = Thread.ofPlatform().name("producer").start(() -> {
            for (int item = 1; item <= items; item++) {
                queue.put(item); // wakes the consumer if it waits
            }
        });
        producer.join();
        consumer.join(); // join makes the consumer's list visible here
        boolean inOrder = received.size() == items;
        for (int i = 0; inOrder && i < items; i++) {
            inOrder = received.get(i) == i + 1;
        }
        System.out.printf("one producer, one consumer: delivered %d items in order: %s%n", received.size(), inOrder);
    }
}
// end::one-consumer[]

// tag::three-consumers[]
/** One producer, three consumers sharing the queue: each item must be taken exactly once. */
final class ThreeConsumers {
    static void run(int items) throws InterruptedException {
        ThreadSafeQueue<Integer> queue = new ThreadSafeQueue<>();
        List<Integer> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger remaining = new AtomicInteger(items);
        List<Thread> consumers = new ArrayList<>();
        List<AtomicInteger> shares = List.of(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        for (AtomicInteger share : shares) {
            consumers.add(Thread.ofPlatform().start(() -> {
                try {
                    while (remaining.getAndDecrement() > 0) { // claim one of the items still to come, then take it
                        received.add(queue.take());
                        share.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (int item = 1; item <= items; item++) {
            queue.put(item);
        }
        for (Thread consumer : consumers) {
            consumer.join();
        }
        boolean exactlyOnce = received.size() == items && new HashSet<>(received).size() == items;
        System.out.printf("one producer, three consumers: %d items, each taken exactly once: %s (shares %s)%n",
                received.size(), exactlyOnce, shares);
    }
}
// end::three-consumers[]
