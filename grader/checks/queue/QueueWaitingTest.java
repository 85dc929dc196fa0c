package kit.checks.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import queue.ThreadSafeQueue;
import kit.grader.api.BlockingCall;
import kit.grader.api.ProducersAndConsumers;

/**
 * A consumer that waits, and what may end its wait: an item, a timeout, an interrupt. Each check first sees the
 * consumer waiting (its thread parked or in wait()), then acts - so the checks do not depend on timing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
class QueueWaitingTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration TIME = Duration.ofSeconds(1);

    @Test
    @Order(1)
    @DisplayName("take waits on an empty queue and returns the item another thread puts later")
    @Points(2)
    void takeIsWokenByPut() {
        var queue = new ThreadSafeQueue<String>();
        var consumer = BlockingCall.start("consumer", queue::take);
        if (!consumer.awaitWaiting("take() on an empty queue")) {
            fail("take() on an empty queue " + BlockingCall.describe(consumer.outcome())
                    + " instead of waiting until an item arrives");
        }
        BlockingCall.runToEnd("put(\"x\") while a consumer waits", () -> {
            queue.put("x");
            return null;
        });
        consumer.awaitEnd("A consumer waited in take() on an empty queue; then another thread put \"x\". The consumer"
                + " was never woken up: put must signal (or notifyAll) the condition that take waits on - after"
                + " adding the item, while holding the same lock.");
        assertEquals("x", consumer.outcome(), "what the waiting take() returned after put(\"x\")");
    }

    @Test
    @Order(2)
    @DisplayName("poll waits for an item that another thread puts before the timeout")
    @Points(2)
    void pollIsWokenByPut() {
        var queue = new ThreadSafeQueue<String>();
        var consumer = BlockingCall.start("consumer", () -> queue.poll(LONG));
        if (!consumer.awaitWaiting("poll(60 s) on an empty queue")) {
            fail("poll(60 s) on an empty queue " + BlockingCall.describe(consumer.outcome()) + " at once: it must"
                    + " wait up to 60 s for an item to arrive");
        }
        BlockingCall.runToEnd("put(\"x\") while a consumer waits", () -> {
            queue.put("x");
            return null;
        });
        consumer.awaitEnd("A consumer waited in poll(60 s); then another thread put \"x\". The consumer was not woken"
                + " up: put must signal the condition that poll waits on too.");
        assertEquals(Optional.of("x"), consumer.outcome(), "what the waiting poll(60 s) returned after put(\"x\")");
    }

    @Test
    @Order(3)
    @DisplayName("after a poll timed out, other threads can still put and take (the lock was released)")
    @Points(2)
    void pollReleasesLockOnTimeout() {
        var queue = new ThreadSafeQueue<String>();
        Object polled = BlockingCall.runToEnd("poll(100 ms) on an empty queue did not return: it ignores its"
                + " timeout.", () -> queue.poll(Duration.ofMillis(100)));
        assertEquals(Optional.empty(), polled, "poll(100 ms) on an empty queue");
        assertPutAndTakeStillWork(queue, "a poll on another thread timed out");
    }

    @Test
    @Order(4)
    @DisplayName("take answers an interrupt with InterruptedException, and the queue still works afterwards")
    @Points(2)
    void takeIsInterruptible() {
        var queue = new ThreadSafeQueue<String>();
        expectInterruptible(queue, BlockingCall.start("consumer", queue::take), "take()");
    }

    @Test
    @Order(5)
    @DisplayName("poll answers an interrupt with InterruptedException, and the queue still works afterwards")
    @Points(2)
    void pollIsInterruptible() {
        var queue = new ThreadSafeQueue<String>();
        expectInterruptible(queue, BlockingCall.start("consumer", () -> queue.poll(LONG)), "poll(60 s)");
    }

    @Test
    @Order(6)
    @DisplayName("many producers and consumers at once (2 producers, 6 consumers in take and poll, real threads):"
            + " nobody is left waiting, no item is lost")
    @Points(3)
    @TimeLimit(cpuSeconds = TimeLimit.NO_CPU_LIMIT) // its CPU use grows with the number of CPUs
    void manyProducersAndConsumers() {
        var queue = new ThreadSafeQueue<Integer>();
        new ProducersAndConsumers("For " + TIME.toMillis() + " ms, over and over: 2 producers put 4 items each while 2 consumers"
                + " called take() and 2 called poll(1 ms) until they had two items each, and 2 more called poll(1 ms)"
                + " once and put back what they got", 2, queue::put,
                List.of(ProducersAndConsumers.Kind.untilItem("taker", 2, queue::take),
                        ProducersAndConsumers.Kind.untilItem("poller", 2, () -> pollBriefly(queue)),
                        ProducersAndConsumers.Kind.once("impatient-poller", 2, () -> pollBriefly(queue))),
                queue::size, 8).run(TIME);
    }

    private static Integer pollBriefly(ThreadSafeQueue<Integer> queue) throws InterruptedException {
        return queue.poll(Duration.ofMillis(1)).orElse(null);
    }

    private static void expectInterruptible(ThreadSafeQueue<String> queue, BlockingCall<?> consumer, String call) {
        if (!consumer.awaitWaiting(call + " on an empty queue")) {
            fail(call + " on an empty queue " + BlockingCall.describe(consumer.outcome())
                    + " instead of waiting for an item");
        }
        consumer.interrupt();
        consumer.awaitEnd("A consumer waited in " + call + " on an empty queue and was interrupted; it is still"
                + " waiting. An interrupt asks a thread to stop what it waits for: let the InterruptedException that"
                + " await()/wait() throw propagate out of " + call + " (do not catch it and wait again).");
        assertInstanceOf(InterruptedException.class, consumer.outcome(), call + " on an empty queue, interrupted while"
                + " waiting, " + BlockingCall.describe(consumer.outcome())
                + ": it must throw InterruptedException, so the caller learns that it was interrupted");
        assertPutAndTakeStillWork(queue, "a consumer was interrupted in " + call);
    }

    private static void assertPutAndTakeStillWork(ThreadSafeQueue<String> queue, String after) {
        Object taken = BlockingCall.runToEnd("After " + after + ", put(\"y\") and take() on another thread did not"
                + " finish: the lock is still held by the thread that left " + "(release it in a finally block,"
                + " or use synchronized).", () -> {
                    queue.put("y");
                    return queue.take();
                });
        assertEquals("y", taken, "take() after put(\"y\"), once " + after);
    }
}
