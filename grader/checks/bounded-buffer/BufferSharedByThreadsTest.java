package kit.checks.boundedbuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import boundedbuffer.BoundedBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import kit.grader.api.BlockingCall;
import kit.grader.api.ModelCheck;
import kit.grader.api.ModelVerdicts;
import kit.grader.api.ProducersAndConsumers;
import kit.grader.api.Threads;

/**
 * Producers and consumers at the same time, under Lincheck's model checker: it runs each scenario under many thread
 * interleavings - including the rare ones - and reports the first that breaks it, step by step. A scenario whose
 * threads all end up waiting for each other is reported as hung. This does not depend on the CPU count. At capacity 1
 * a put and a take never run at once and two takes never come in a row, so the scenarios also run at capacity 2.
 * Then the same on real threads, many at once (Lincheck treats notify() like notifyAll(), so a wake-up that reaches
 * the wrong thread shows only there); it also fails when a model check above failed (ModelVerdicts), so that a buffer
 * that breaks the contract loses the same points whether or not the real threads happened to show it.
 */
@JvmOptions("-XX:TieredStopAtLevel=1") // Lincheck starts faster without C2; nothing here needs C2
@kit.grader.api.SharedJvm // one JVM for the exercise's model checks and one-thread checks
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BufferSharedByThreadsTest {
    /*
     * Budgets, measured (Lincheck is seeded: what a budget catches once it catches on every run). A woken consumer
     * that does not check again (tests/buggy/bounded-buffer/if-instead-of-while-in-take) shows between the 70th and
     * the 100th interleaving, so that check keeps 200. One condition signalled for both kinds of waiter
     * (single-condition-signal) shows between the 10th and the 20th, a take that signals no producer within 5, and a
     * producer that does not check again within 10. Those checks get 2.5 to 3 times that. A correct class uses the
     * whole budget: with 200 everywhere, these two checks of the solution took 3.2 s, with these 1.5 s (on a busy
     * machine). At capacity 2: a count that two locks change (two-locks-share-a-plain-count) shows between the 71st
     * and the 100th interleaving of a put and a take at once (two locks over one LinkedList within 30), so that check
     * gets 250; a take that wakes a producer only when the buffer was full, within 5 (30 here).
     */
    private static final Duration TIME = Duration.ofMillis(500);
    private static final int CONSUMERS_CHECK_AGAIN_INTERLEAVINGS = 200;
    private static final int NO_DEADLOCK_INTERLEAVINGS = 50;
    private static final int NEVER_OVERFULL_INTERLEAVINGS = 30;
    private static final int PUT_AND_TAKE_INTERLEAVINGS = 250;
    private static final int PRODUCERS_WOKEN_INTERLEAVINGS = 30;

    @Test
    @Order(1)
    @DisplayName("producers and consumers waiting at the same time never deadlock (each put and take wakes a thread"
            + " that can go on)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void noDeadlock() {
        ModelVerdicts.check(BufferSharedByThreadsTest.class, "noDeadlock", BufferSharedByThreadsTest::noDeadlockModel);
    }

    private static void noDeadlockModel() {
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
    @Order(2)
    @DisplayName("a woken producer checks again: the buffer never holds more than its capacity (while, not if)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void neverOverfull() {
        ModelVerdicts.check(BufferSharedByThreadsTest.class, "neverOverfull",
                BufferSharedByThreadsTest::neverOverfullModel);
    }

    private static void neverOverfullModel() {
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
    @Order(3)
    @DisplayName("a woken consumer checks again: two consumers never take the same item or from an empty buffer"
            + " (while, not if)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void consumersCheckAgain() {
        ModelVerdicts.check(BufferSharedByThreadsTest.class, "consumersCheckAgain",
                BufferSharedByThreadsTest::consumersCheckAgainModel);
    }

    private static void consumersCheckAgainModel() {
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

    @Test
    @Order(4)
    @DisplayName("at capacity 2, a put and a take at the same time keep every item, in order: a producer puts 1, 2, 3"
            + " while a consumer takes three (model checking)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void putAndTakeAtOnce() {
        ModelVerdicts.check(BufferSharedByThreadsTest.class, "putAndTakeAtOnce",
                BufferSharedByThreadsTest::putAndTakeAtOnceModel);
    }

    private static void putAndTakeAtOnceModel() {
        requireWorksOnOneThread();
        ModelCheck.threadsNeverFail(PUT_AND_TAKE_INTERLEAVINGS,
                "On a BoundedBuffer(2), a producer put 1, 2 and 3 while a consumer took three items: the consumer"
                + " must get 1, 2, 3 in that order, and size() must be 0 afterwards. At capacity 2 a put and a take"
                + " run at the same time whenever the buffer holds one item (at capacity 1 they never do).",
                "a put and a take change the same items (and any count kept beside them): both must hold ONE lock"
                        + " that guards them all. Two locks, one for producers and one for consumers, are safe only"
                        + " if the two never touch the same field - a LinkedList or an ArrayDeque shared by both, or a"
                        + " plain count that both change, is corrupted when they overlap.", () -> {
            var buffer = ModelCheck.shared(new BoundedBuffer<Integer>(2)); // a race on its fields is seen
            Object[] taken = new Object[3];
            Thread producer = Threads.start(() -> {
                for (int item = 1; item <= 3; item++) {
                    putOrThrow(buffer, item);
                }
            });
            Thread consumer = Threads.start(() -> {
                for (int i = 0; i < taken.length; i++) {
                    taken[i] = takeOrThrown(buffer);
                }
            });
            Threads.joinAll(producer, consumer);
            int size = buffer.size();
            if (!Arrays.asList(1, 2, 3).equals(Arrays.asList(taken)) || size != 0) {
                throw new AssertionError("the consumer took " + Arrays.toString(taken) + " and size() then returned "
                        + size + ", expected [1, 2, 3] and 0");
            }
        });
    }

    @Test
    @Order(5)
    @DisplayName("at capacity 2, producers waiting on a full buffer are all woken as a consumer makes room: 2"
            + " producers put 3 and 4 on a full buffer [1, 2] while a consumer takes four (model checking)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void waitingProducersAllWoken() {
        ModelVerdicts.check(BufferSharedByThreadsTest.class, "waitingProducersAllWoken",
                BufferSharedByThreadsTest::waitingProducersAllWokenModel);
    }

    private static void waitingProducersAllWokenModel() {
        requireWorksOnOneThread();
        ModelCheck.threadsNeverFail(PRODUCERS_WOKEN_INTERLEAVINGS,
                "A BoundedBuffer(2) held [1, 2]; two producers called put(3) and put(4) while a consumer took four"
                + " items. Every thread must finish, and the consumer get 1, 2, then 3 and 4. If Lincheck reports that"
                + " the test hung, a producer was left waiting although the buffer had room.",
                "when two producers wait and two takes come before the woken one runs, the second take finds the"
                        + " buffer no longer full - a take that signals only when the buffer was full then wakes"
                        + " nobody. Signal notFull after every take (or signalAll when it was full).", () -> {
            var buffer = new BoundedBuffer<Integer>(2);
            putOrThrow(buffer, 1);
            putOrThrow(buffer, 2);
            Object[] taken = new Object[4];
            Thread firstProducer = Threads.start(() -> putOrThrow(buffer, 3));
            Thread secondProducer = Threads.start(() -> putOrThrow(buffer, 4));
            Thread consumer = Threads.start(() -> {
                for (int i = 0; i < taken.length; i++) {
                    taken[i] = takeOrThrown(buffer);
                }
            });
            Threads.joinAll(firstProducer, secondProducer, consumer);
            if (!Arrays.asList(1, 2).equals(Arrays.asList(taken).subList(0, 2))
                    || !Set.of(3, 4).equals(Set.of(taken[2], taken[3]))) {
                throw new AssertionError("the consumer took " + Arrays.toString(taken) + ", expected 1, 2, then 3"
                        + " and 4");
            }
        });
    }

    @Test
    @Order(6)
    @DisplayName("many producers and consumers at once (4 producers, 4 consumers, capacity 1 and 2, real threads):"
            + " nobody is left waiting, no item is lost")
    @Points(3)
    @TimeLimit(seconds = 120) // it runs the model checks above too when they have not run yet in this JVM
    void manyProducersAndConsumers() {
        for (int capacity = 1; capacity <= 2; capacity++) {
            var buffer = new BoundedBuffer<Integer>(capacity);
            new ProducersAndConsumers("For " + TIME.toMillis() + " ms, over and over, on a BoundedBuffer(" + capacity
                    + "): 4 producers put 2 items each while 4 consumers called take() twice each", 4, buffer::put,
                    List.of(ProducersAndConsumers.Kind.untilItem("consumer", 4, buffer::take)), buffer::size,
                    capacity).run(TIME);
        }
        Map<String, Runnable> modelChecks = new LinkedHashMap<>();
        modelChecks.put("noDeadlock", BufferSharedByThreadsTest::noDeadlockModel);
        modelChecks.put("neverOverfull", BufferSharedByThreadsTest::neverOverfullModel);
        modelChecks.put("consumersCheckAgain", BufferSharedByThreadsTest::consumersCheckAgainModel);
        modelChecks.put("putAndTakeAtOnce", BufferSharedByThreadsTest::putAndTakeAtOnceModel);
        modelChecks.put("waitingProducersAllWoken", BufferSharedByThreadsTest::waitingProducersAllWokenModel);
        List<String> failing = ModelVerdicts.failing(BufferSharedByThreadsTest.class, modelChecks);
        if (!failing.isEmpty()) {
            fail("Producers and consumers on real threads, capacity 1 and 2, " + TIME.toMillis() + " ms each: nobody"
                    + " was left waiting and no item was lost this time. " + ModelVerdicts.shownBy(failing));
        }
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
