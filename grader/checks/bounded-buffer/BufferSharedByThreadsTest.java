package kit.checks.boundedbuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boundedbuffer.BoundedBuffer;
import java.util.Arrays;
import java.util.Set;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import kit.grader.api.BlockingCall;
import kit.grader.api.ModelCheck;
import kit.grader.api.Threads;

/**
 * Producers and consumers at the same time, under Lincheck's model checker: it runs each scenario under many thread
 * interleavings - including the rare ones - and reports the first that breaks it, step by step. A scenario whose
 * threads all end up waiting for each other is reported as hung. This does not depend on the CPU count.
 */
@JvmOptions("-XX:TieredStopAtLevel=1") // Lincheck starts faster without C2; nothing here needs C2
@kit.grader.api.SharedJvm // one JVM for the exercise's model checks and one-thread checks
class BufferSharedByThreadsTest {
    /*
     * Budgets, measured (Lincheck is seeded: what a budget catches once it catches on every run). A woken consumer
     * that does not check again (tests/buggy/bounded-buffer/if-instead-of-while-in-take) shows between the 70th and
     * the 100th interleaving, so that check keeps 200. One condition signalled for both kinds of waiter
     * (single-condition-signal) shows between the 10th and the 20th, a take that signals no producer within 5, and a
     * producer that does not check again within 10. Those checks get 2.5 to 3 times that. A correct class uses the
     * whole budget: with 200 everywhere, these two checks of the solution took 3.2 s, with these 1.5 s (on a busy
     * machine).
     */
    private static final int CONSUMERS_CHECK_AGAIN_INTERLEAVINGS = 200;
    private static final int NO_DEADLOCK_INTERLEAVINGS = 50;
    private static final int NEVER_OVERFULL_INTERLEAVINGS = 30;

    @Test
    @DisplayName("producers and consumers waiting at the same time never deadlock (each put and take wakes a thread"
            + " that can go on)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void noDeadlock() {
        requireWorksOnOneThread();
        ModelCheck.threadsNeverFail(NO_DEADLOCK_INTERLEAVINGS,
                "On a BoundedBuffer(1), two producers each put one item while two consumers each took one."
                + " Every thread must finish. If Lincheck reports that the test hung, all remaining threads were"
                + " waiting and none was left to wake them.",
                "with ONE condition for both \"not full\" and \"not empty\", signal() may wake a thread of the wrong"
                        + " kind (a consumer that finds the buffer still empty) and the wake-up is lost. Use two"
                        + " conditions (notFull for producers, notEmpty for consumers), or signalAll().", () -> {
            var buffer = new BoundedBuffer<Integer>(1);
            Object[] taken = new Object[2];
            Thread firstConsumer = Threads.start(() -> taken[0] = takeOrThrown(buffer));
            Thread secondConsumer = Threads.start(() -> taken[1] = takeOrThrown(buffer));
            Thread firstProducer = Threads.start(() -> putOrThrow(buffer, 1));
            Thread secondProducer = Threads.start(() -> putOrThrow(buffer, 2));
            Threads.joinAll(firstConsumer, secondConsumer, firstProducer, secondProducer);
            if (!Set.of(1, 2).equals(Set.of(taken[0], taken[1]))) {
                throw new AssertionError("the consumers' take() calls gave " + BlockingCall.describe(taken[0])
                        + " and " + BlockingCall.describe(taken[1]) + ", expected 1 and 2");
            }
        });
    }

    @Test
    @DisplayName("a woken producer checks again: the buffer never holds more than its capacity (while, not if)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void neverOverfull() {
        requireWorksOnOneThread();
        ModelCheck.threadsNeverFail(NEVER_OVERFULL_INTERLEAVINGS,
                "On a BoundedBuffer(1), one producer put 1 then 3, another put 2, and a consumer took three"
                + " items. Right after each put, size() must be at most 1.",
                "a woken producer must check again whether there is room: another producer may have filled the"
                        + " buffer first. Wait in a loop: while (size == capacity) notFull.await();", () -> {
            var buffer = new BoundedBuffer<Integer>(1);
            int[] largestSize = new int[2];
            Thread firstProducer = Threads.start(() -> {
                putOrThrow(buffer, 1);
                largestSize[0] = buffer.size();
                putOrThrow(buffer, 3);
                largestSize[0] = Math.max(largestSize[0], buffer.size());
            });
            Thread secondProducer = Threads.start(() -> {
                putOrThrow(buffer, 2);
                largestSize[1] = buffer.size();
            });
            Object[] taken = new Object[3];
            Thread consumer = Threads.start(() -> {
                for (int i = 0; i < taken.length; i++) {
                    taken[i] = takeOrThrown(buffer);
                }
            });
            Threads.joinAll(firstProducer, secondProducer, consumer);
            if (Math.max(largestSize[0], largestSize[1]) > 1) {
                throw new AssertionError("right after a put, size() was " + Math.max(largestSize[0], largestSize[1])
                        + " on a buffer of capacity 1");
            }
            if (!Set.of(1, 2, 3).equals(Set.of(taken))) {
                throw new AssertionError("the consumer took " + Arrays.toString(taken) + ", expected 1, 2, 3");
            }
        });
    }

    @Test
    @DisplayName("a woken consumer checks again: two consumers never take the same item or from an empty buffer"
            + " (while, not if)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void consumersCheckAgain() {
        requireWorksOnOneThread();
        ModelCheck.threadsNeverFail(CONSUMERS_CHECK_AGAIN_INTERLEAVINGS,
                "On a BoundedBuffer(2), two consumers called take() while a producer put 1, then 2. Each"
                + " consumer must get one of the items, and not the same one.",
                "a wake-up is only a hint - another consumer may have taken the item first. Wait in a loop: while"
                        + " (empty) notEmpty.await();", () -> {
            var buffer = new BoundedBuffer<Integer>(2);
            Object[] taken = new Object[2];
            Thread first = Threads.start(() -> taken[0] = takeOrThrown(buffer));
            Thread second = Threads.start(() -> taken[1] = takeOrThrown(buffer));
            Thread producer = Threads.start(() -> {
                putOrThrow(buffer, 1);
                putOrThrow(buffer, 2);
            });
            Threads.joinAll(first, second, producer);
            if (!Set.of(1, 2).equals(Set.of(taken[0], taken[1]))) {
                throw new AssertionError("the two consumers' take() calls gave " + BlockingCall.describe(taken[0])
                        + " and " + BlockingCall.describe(taken[1]) + ", expected 1 and 2");
            }
        });
    }

    private static Object takeOrThrown(BoundedBuffer<Integer> buffer) {
        try {
            return buffer.take();
        } catch (Throwable thrown) {
            return thrown;
        }
    }

    private static void putOrThrow(BoundedBuffer<Integer> buffer, int item) {
        try {
            buffer.put(item);
        } catch (InterruptedException e) {
            throw new AssertionError("put(" + item + ") was interrupted", e);
        }
    }

    /** Lincheck would accept a buffer whose every call throws: it throws the same when run one call at a time. */
    private static void requireWorksOnOneThread() {
        Object outcome = BlockingCall.runToEnd("put(1), take(), put(2), put(3), take(), size() on a BoundedBuffer(2)"
                + " on one thread", () -> {
                    var buffer = new BoundedBuffer<Integer>(2);
                    buffer.put(1);
                    Object first = buffer.take();
                    buffer.put(2);
                    buffer.put(3);
                    return Arrays.asList(first, buffer.take(), buffer.size());
                });
        assertEquals(Arrays.asList(1, 2, 1), outcome, "Not checked across threads yet: on one thread, [take(), take(),"
                + " size()] after put(1), take(), put(2), put(3) on a BoundedBuffer(2) should be [1, 2, 1]. Make the"
                + " one-thread checks pass first.");
    }
}
