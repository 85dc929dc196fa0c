package kit.checks.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import queue.ThreadSafeQueue;
import kit.grader.api.Scenario;
import kit.grader.api.BlockingCall;
import kit.grader.api.ModelCheck;
import kit.grader.api.ModelVerdicts;
import kit.grader.api.ProducersAndConsumers;
import kit.grader.api.Threads;

/**
 * Producers and consumers at the same time, under Lincheck's model checker: it runs each scenario under many thread
 * interleavings - including the rare ones - and reports the first that breaks it, step by step. A scenario whose
 * threads all end up waiting for each other is reported as hung. This does not depend on the CPU count. Then the same
 * on real threads, many at once (Lincheck treats notify() like notifyAll(), so a wake-up that reaches the wrong thread
 * shows only there); it also fails when a model check above failed (ModelVerdicts), so that a queue that breaks the
 * contract loses the same points whether or not the real threads happened to show it.
 */
@JvmOptions("-XX:TieredStopAtLevel=1") // Lincheck starts faster without C2; nothing here needs C2
@kit.grader.api.SharedJvm // one JVM for the exercise's model checks and one-thread checks
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueSharedByThreadsTest {
    private static final Duration TIME = Duration.ofSeconds(1);
    /*
     * Budgets, measured (Lincheck is seeded: what a budget catches once it catches on every run). A woken consumer
     * that does not check again (tests/buggy/queue/if-instead-of-while) shows between the 70th and the 100th
     * interleaving of the two-consumer scenario, so that one keeps 200. Every other wrong queue in tests/buggy/ whose
     * CAUGHT-BY names a check here is caught within 10 interleavings (no-signal within 5), so the other checks get
     * 3 times that. A correct class uses the whole budget: with 200 everywhere, grading the solution took 8.0 s in this
     * JVM (13.7 s of CPU for the whole grade, on a busy machine); with these 6.1 s (11.8 s of CPU).
     */
    private static final int TWO_CONSUMERS_INTERLEAVINGS = 200;
    private static final int INTERLEAVINGS = 30;

    @Test
    @Order(1)
    @DisplayName("two consumers waiting at once each get a different item (a woken consumer checks again: while, not"
            + " if)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void twoConsumersTwoItems() {
        ModelVerdicts.check(QueueSharedByThreadsTest.class, "twoConsumersTwoItems",
                QueueSharedByThreadsTest::twoConsumersTwoItemsModel);
    }

    private static void twoConsumersTwoItemsModel() {
        requireWorksOnOneThread();
        ModelCheck.threadsNeverFail(TWO_CONSUMERS_INTERLEAVINGS,
                "Two consumers called take() on an empty queue while a producer put 1, then 2. Each consumer"
                + " must get one of the items, and not the same one.",
                "a wake-up is only a hint that the queue changed - another consumer may have taken the item first."
                        + " Wait in a loop: while (empty) await(); then take the item.", () -> {
            var queue = new ThreadSafeQueue<Integer>();
            Object[] taken = new Object[2];
            Thread first = Threads.start(() -> taken[0] = takeOrThrown(queue));
            Thread second = Threads.start(() -> taken[1] = takeOrThrown(queue));
            Thread producer = Threads.start(() -> {
                queue.put(1);
                queue.put(2);
            });
            Threads.joinAll(first, second, producer);
            Set<Object> expected = Set.of(1, 2);
            if (!expected.equals(Set.of(taken[0], taken[1]))) {
                throw new AssertionError("the two consumers' take() calls gave " + BlockingCall.describe(taken[0])
                        + " and " + BlockingCall.describe(taken[1]) + ", expected 1 and 2");
            }
        });
    }

    @Test
    @Order(2)
    @DisplayName("a consumer waiting in take is always woken by a put (no lost wake-up)")
    @Points(3)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void noLostWakeUp() {
        ModelVerdicts.check(QueueSharedByThreadsTest.class, "noLostWakeUp",
                QueueSharedByThreadsTest::noLostWakeUpModel);
    }

    private static void noLostWakeUpModel() {
        requireWorksOnOneThread();
        ModelCheck.threadsNeverFail(INTERLEAVINGS,
                "A consumer called take() while a producer put 1: whatever the timing, the consumer must get"
                + " 1. If Lincheck reports that the test hung, the consumer waited and nobody woke it.",
                "add the item and signal in ONE hold of the lock that the consumer waits with. A signal sent"
                        + " before the item is there, or in a separate hold of the lock, can reach a consumer that then"
                        + " checks, finds nothing, and waits again - with no signal left to come.", () -> {
            var queue = new ThreadSafeQueue<Integer>();
            Object[] taken = new Object[1];
            Thread consumer = Threads.start(() -> taken[0] = takeOrThrown(queue));
            Thread producer = Threads.start(() -> queue.put(1));
            Threads.joinAll(consumer, producer);
            if (!Integer.valueOf(1).equals(taken[0])) {
                throw new AssertionError("take() " + BlockingCall.describe(taken[0]) + ", expected 1");
            }
        });
    }

    /** The queue as Lincheck's operation-level model checker sees it: calls that never wait. */
    public static class Operations {
        private final ThreadSafeQueue<Integer> queue = new ThreadSafeQueue<>();

        @Operation
        public void put(int item) {
            queue.put(item);
        }

        @Operation
        public Object pollNow() throws InterruptedException {
            return queue.poll(Duration.ZERO).orElse(null);
        }

        @Operation
        public int size() {
            return queue.size();
        }
    }

    @Test
    @Order(3)
    @DisplayName("every call is atomic against every change: put, poll(0 s) and size each at the same time as put and"
            + " poll(0 s)")
    @Points(2)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void everyCallAgainstEveryChange() {
        ModelVerdicts.check(QueueSharedByThreadsTest.class, "everyCallAgainstEveryChange",
                QueueSharedByThreadsTest::everyCallAgainstEveryChangeModel);
    }

    private static void everyCallAgainstEveryChangeModel() {
        requireWorksOnOneThread();
        List<Scenario> pairs = ModelCheck.everyPairWithAChange(Operations.class, Map.of("put",
                ModelCheck.call("put", 2), "pollNow", ModelCheck.call("pollNow"), "size",
                ModelCheck.call("size")), List.of("put", "pollNow"), List.of(ModelCheck.call("put", 1)),
                List.of(ModelCheck.call("size"), ModelCheck.call("pollNow"), ModelCheck.call("pollNow"),
                        ModelCheck.call("size")));
        ModelCheck.findViolation(pairs, INTERLEAVINGS).ifPresent(report -> fail("The queue held 1; two threads"
                + " each made one call at the same time (every pair was tried: " + pairs.stream()
                        .map(Scenario::parallelPart).collect(Collectors.joining("; ")) + "), then size(),"
                + " poll(0 s) twice and size() again. Each call must act as if it ran alone, before or after the"
                + " other.\nLincheck found an interleaving whose results no one-call-at-a-time order could give.\n"
                + "Hint: every method reads or changes the items (and any count kept beside them): do all of it while"
                + " holding the one lock that every other method holds.\n\n" + report));
    }

    @Test
    @Order(4)
    @DisplayName("puts from two threads at the same time lose no item")
    @Points(2)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void putsAreAtomic() {
        ModelVerdicts.check(QueueSharedByThreadsTest.class, "putsAreAtomic",
                QueueSharedByThreadsTest::putsAreAtomicModel);
    }

    private static void putsAreAtomicModel() {
        requireWorksOnOneThread();
        ModelCheck.scenario(Operations.class)
                .thread(ModelCheck.call("put", 1))
                .thread(ModelCheck.call("put", 2))
                .after(ModelCheck.call("pollNow"), ModelCheck.call("pollNow"))
                .findViolation(INTERLEAVINGS)
                .ifPresent(report -> fail("Two threads called put at the same time; then poll(0 s) twice must return"
                        + " both items.\nLincheck found an interleaving whose results no one-call-at-a-time order could"
                        + " give.\nHint: put changes the queue too - add the item while holding the lock that every"
                        + " other method holds, not only around the signal.\n\n" + report));
    }

    @Test
    @Order(5)
    @DisplayName("many producers and consumers at once (2 producers, 6 consumers in take and poll, real threads):"
            + " nobody is left waiting, no item is lost")
    @Points(3)
    @TimeLimit(seconds = 120) // it runs the model checks above too when they have not run yet in this JVM
    void manyProducersAndConsumers() {
        var queue = new ThreadSafeQueue<Integer>();
        new ProducersAndConsumers("For " + TIME.toMillis() + " ms, over and over: 2 producers put 4 items each while 2"
                + " consumers called take() and 2 called poll(1 ms) until they had two items each, and 2 more called"
                + " poll(1 ms) once and put back what they got", 2, queue::put,
                List.of(ProducersAndConsumers.Kind.untilItem("taker", 2, queue::take),
                        ProducersAndConsumers.Kind.untilItem("poller", 2, () -> pollBriefly(queue)),
                        ProducersAndConsumers.Kind.once("impatient-poller", 2, () -> pollBriefly(queue))),
                queue::size, 8).run(TIME);
        Map<String, Runnable> modelChecks = new LinkedHashMap<>();
        modelChecks.put("twoConsumersTwoItems", QueueSharedByThreadsTest::twoConsumersTwoItemsModel);
        modelChecks.put("noLostWakeUp", QueueSharedByThreadsTest::noLostWakeUpModel);
        modelChecks.put("everyCallAgainstEveryChange", QueueSharedByThreadsTest::everyCallAgainstEveryChangeModel);
        modelChecks.put("putsAreAtomic", QueueSharedByThreadsTest::putsAreAtomicModel);
        List<String> failing = ModelVerdicts.failing(QueueSharedByThreadsTest.class, modelChecks);
        if (!failing.isEmpty()) {
            fail("Producers and consumers on real threads for " + TIME.toMillis() + " ms: nobody was left waiting and"
                    + " no item was lost this time. " + ModelVerdicts.shownBy(failing));
        }
    }

    private static Integer pollBriefly(ThreadSafeQueue<Integer> queue) throws InterruptedException {
        return queue.poll(Duration.ofMillis(1)).orElse(null);
    }

    private static Object takeOrThrown(ThreadSafeQueue<Integer> queue) {
        try {
            return queue.take();
        } catch (Throwable thrown) {
            return thrown;
        }
    }

    /** Lincheck would accept a queue whose every call throws: it throws the same when run one call at a time. */
    private static void requireWorksOnOneThread() {
        Object outcome = BlockingCall.runToEnd("put(1), put(2), take(), poll(0 s), size() on one thread", () -> {
            var queue = new ThreadSafeQueue<Integer>();
            queue.put(1);
            queue.put(2);
            return Arrays.asList(queue.take(), queue.poll(Duration.ZERO).orElse(null), queue.size());
        });
        assertEquals(Arrays.asList(1, 2, 0), outcome, "Not checked across threads yet: on one thread, [take(), poll(0"
                + " s), size()] after put(1), put(2) should be [1, 2, 0]. Make the one-thread checks pass first.");
    }
}
