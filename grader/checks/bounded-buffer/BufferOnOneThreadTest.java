package kit.checks.boundedbuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import boundedbuffer.BoundedBuffer;
import java.util.List;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import kit.grader.api.BlockingCall;

/** The buffer's contract with no other thread around (every call on its own thread, so a hang is caught). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@kit.grader.api.JvmOptions("-XX:TieredStopAtLevel=1") // one thread: nothing here needs C2
@kit.grader.api.SharedJvm // one JVM for the exercise's model checks and one-thread checks
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
class BufferOnOneThreadTest {

    @Test
    @Order(1)
    @DisplayName("filled to capacity and emptied, items come out in the order they went in (FIFO); size and capacity"
            + " report it")
    @Points(1)
    void fifo() {
        var buffer = new BoundedBuffer<String>(3);
        Object outcome = BlockingCall.runToEnd("On BoundedBuffer(3): put a, b, c (exactly its capacity, so no put"
                + " may wait), then take three times", () -> {
                    buffer.put("a");
                    buffer.put("b");
                    buffer.put("c");
                    int sizeWhenFull = buffer.size();
                    List<Object> taken = List.of(buffer.take(), buffer.take(), buffer.take());
                    return List.of(buffer.capacity(), sizeWhenFull, taken, buffer.size());
                });
        assertEquals(List.of(3, 3, List.of("a", "b", "c"), 0), outcome, "[capacity(); size() after put a, b, c; the"
                + " three items take() returned; size() after that] on a BoundedBuffer(3)");
    }

    @Test
    @Order(2)
    @DisplayName("a buffer of capacity 1 works: put, take, put, take")
    @Points(1)
    void capacityOne() {
        var buffer = new BoundedBuffer<String>(1);
        Object outcome = BlockingCall.runToEnd("On BoundedBuffer(1): put a, take, put b, take", () -> {
            buffer.put("a");
            Object first = buffer.take();
            buffer.put("b");
            return List.of(first, buffer.take());
        });
        assertEquals(List.of("a", "b"), outcome,
                "the items taken from BoundedBuffer(1) after put a, take, put b, take");
    }

    @Test
    @Order(3)
    @DisplayName("put(null) throws NullPointerException and adds nothing")
    @Points(1)
    void putNull() {
        var buffer = new BoundedBuffer<String>(2);
        Object outcome = BlockingCall.runToEnd("put(null) on an empty BoundedBuffer(2)", () -> {
            buffer.put(null);
            return "no exception";
        });
        assertInstanceOf(NullPointerException.class, outcome, "put(null) " + BlockingCall.describe(outcome)
                + ": a null item would be indistinguishable from \"nothing\" for a consumer");
        assertEquals(0, buffer.size(), "size() after put(null) threw");
    }

    @Test
    @Order(4)
    @DisplayName("a capacity below 1 is rejected with IllegalArgumentException")
    @Points(1)
    void capacityBelowOne() {
        for (int capacity : new int[] {0, -1}) {
            Object outcome = BlockingCall.runToEnd("new BoundedBuffer(" + capacity + ")",
                    () -> new BoundedBuffer<String>(capacity));
            assertInstanceOf(IllegalArgumentException.class, outcome, "new BoundedBuffer(" + capacity + ") "
                    + BlockingCall.describe(outcome) + ": with no room at all, every put would wait forever");
        }
    }
}
