package kit.checks.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The queue's contract with no other thread around (every call on its own thread, so a hang is caught). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@kit.grader.api.JvmOptions("-XX:TieredStopAtLevel=1") // one thread: nothing here needs C2
@kit.grader.api.SharedJvm // one JVM for the exercise's model checks and one-thread checks
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
class QueueOnOneThreadTest {

    @Test
    @Order(1)
    @DisplayName("items come out in the order they were put in (FIFO), and size counts them")
    @Points(1)
    void fifo() {
        var queue = new ThreadSafeQueue<String>();
        Object outcome = BlockingCall.runToEnd("put a, b, c, then take three times and read size()", () -> {
            queue.put("a");
            queue.put("b");
            queue.put("c");
            int sizeAfterPuts = queue.size();
            List<Object> taken = List.of(queue.take(), queue.take(), queue.take());
            return List.of(sizeAfterPuts, taken, queue.size());
        });
        assertEquals(List.of(3, List.of("a", "b", "c"), 0), outcome,
                "[size after put a, b, c; the three items take() returned; size after that]: a queue is first in,"
                        + " first out");
    }

    @Test
    @Order(2)
    @DisplayName("put(null) throws NullPointerException and adds nothing")
    @Points(1)
    void putNull() {
        var queue = new ThreadSafeQueue<String>();
        Object outcome = BlockingCall.runToEnd("put(null)", () -> {
            queue.put(null);
            return "no exception";
        });
        assertInstanceOf(NullPointerException.class, outcome, "put(null) " + BlockingCall.describe(outcome)
                + ": a null item would be indistinguishable from \"nothing\" for a consumer");
        assertEquals(0, queue.size(), "size() after put(null) threw");
    }

    @Test
    @Order(3)
    @DisplayName("poll returns an item that is already there at once")
    @Points(1)
    void pollAvailable() {
        var queue = new ThreadSafeQueue<String>();
        Object outcome = BlockingCall.runToEnd("put(\"a\"), then poll(10 s)", () -> {
            queue.put("a");
            return queue.poll(Duration.ofSeconds(10));
        });
        assertEquals(Optional.of("a"), outcome, "poll(10 s) on a queue that holds \"a\"");
    }

    @Test
    @Order(4)
    @DisplayName("poll on an empty queue gives up after its timeout: Optional.empty() after about 300 ms")
    @Points(2)
    void pollTimesOut() {
        var queue = new ThreadSafeQueue<String>();
        long start = System.nanoTime();
        Object outcome = BlockingCall.runToEnd("poll(300 ms) on an empty queue did not return: it ignores its"
                + " timeout. Wait with a deadline (awaitNanos, or wait(millis)) and give up when the time left reaches"
                + " zero.",
                () -> queue.poll(Duration.ofMillis(300)));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Optional.empty(), outcome, "poll(300 ms) on an empty queue");
        assertTrue(waitedMillis >= 250, "poll(300 ms) on an empty queue returned after " + waitedMillis
                + " ms: it must wait for an item for the whole timeout before it gives up");
    }
}
