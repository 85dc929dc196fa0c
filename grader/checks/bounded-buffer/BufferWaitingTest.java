package kit.checks.boundedbuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import boundedbuffer.BoundedBuffer;
import java.time.Duration;
import java.util.List;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import kit.grader.api.BlockingCall;
import kit.grader.api.ProducersAndConsumers;

/**
 * Producers that wait while the buffer is full, consumers that wait while it is empty, and what ends their wait. Each
 * check first sees the thread waiting (parked, or in wait()), then acts - so the checks do not depend on timing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
class BufferWaitingTest {
    private static final Duration TIME = Duration.ofMillis(500);

    @Test
    @Order(1)
    @DisplayName("put on a full buffer waits, and goes on when a take makes room")
    @Points(2)
    void putWaitsWhileFull() {
        var buffer = full();
        var producer = BlockingCall.start("producer", () -> {
            buffer.put("c");
            return null;
        });
        if (!producer.awaitWaiting("put(\"c\") on a full BoundedBuffer(2)")) {
            fail("put(\"c\") on a BoundedBuffer(2) that already held [a, b] "
                    + BlockingCall.describe(producer.outcome())
                    + " instead of waiting: the buffer now holds " + buffer.size() + " items, more than its capacity."
                    + " put must wait while size == capacity.");
        }
        Object taken = BlockingCall.runToEnd("take() on a full buffer", buffer::take);
        assertEquals("a", taken, "take() on a full BoundedBuffer(2) holding [a, b]");
        producer.awaitEnd("A producer waited in put(\"c\") on a full buffer; then another thread took an item. The"
                + " producer was never woken up: take must signal the condition that producers wait on.");
        assertEquals(2, buffer.size(), "size() after the waiting put(\"c\") went on");
    }

    @Test
    @Order(2)
    @DisplayName("take on an empty buffer waits, and goes on when a put arrives")
    @Points(2)
    void takeWaitsWhileEmpty() {
        var buffer = new BoundedBuffer<String>(2);
        var consumer = BlockingCall.start("consumer", buffer::take);
        if (!consumer.awaitWaiting("take() on an empty buffer")) {
            fail("take() on an empty buffer " + BlockingCall.describe(consumer.outcome())
                    + " instead of waiting until an item arrives");
        }
        BlockingCall.runToEnd("put(\"x\") on an empty buffer while a consumer waits", () -> {
            buffer.put("x");
            return null;
        });
        consumer.awaitEnd("A consumer waited in take() on an empty buffer; then another thread put \"x\". The consumer"
                + " was never woken up: put must signal the condition that consumers wait on.");
        assertEquals("x", consumer.outcome(), "what the waiting take() returned after put(\"x\")");
    }

    @Test
    @Order(3)
    @DisplayName("a put waiting on a full buffer answers an interrupt with InterruptedException, and the buffer still"
            + " works afterwards")
    @Points(2)
    void putIsInterruptible() {
        var buffer = full();
        expectInterruptible(buffer, BlockingCall.start("producer", () -> {
            buffer.put("c");
            return null;
        }), "put(\"c\") on a full buffer");
    }

    @Test
    @Order(4)
    @DisplayName("a take waiting on an empty buffer answers an interrupt with InterruptedException, and the buffer"
            + " still works afterwards")
    @Points(2)
    void takeIsInterruptible() {
        var buffer = new BoundedBuffer<String>(2);
        expectInterruptible(buffer, BlockingCall.start("consumer", buffer::take), "take() on an empty buffer");
    }

    @Test
    @Order(5)
    @DisplayName("many producers and consumers at once (4 producers, 4 consumers, capacity 1 and 2, real threads):"
            + " nobody is left waiting, no item is lost")
    @Points(3)
    @TimeLimit(cpuSeconds = TimeLimit.NO_CPU_LIMIT) // its CPU use grows with the number of CPUs
    void manyProducersAndConsumers() {
        for (int capacity = 1; capacity <= 2; capacity++) {
            var buffer = new BoundedBuffer<Integer>(capacity);
            new ProducersAndConsumers("For " + TIME.toMillis() + " ms, over and over, on a BoundedBuffer(" + capacity
                    + "): 4 producers put 2 items"
                    + " each while 4 consumers called take() twice each", 4, buffer::put,
                    List.of(ProducersAndConsumers.Kind.untilItem("consumer", 4, buffer::take)), buffer::size, capacity)
                    .run(TIME);
        }
    }

    private static BoundedBuffer<String> full() {
        var buffer = new BoundedBuffer<String>(2);
        BlockingCall.runToEnd("put(\"a\"), put(\"b\") on an empty BoundedBuffer(2): there is room for both, so neither"
                + " may wait", () -> {
                    buffer.put("a");
                    buffer.put("b");
                    return null;
                });
        return buffer;
    }

    private static void expectInterruptible(BoundedBuffer<String> buffer, BlockingCall<?> call, String what) {
        if (!call.awaitWaiting(what)) {
            fail(what + " " + BlockingCall.describe(call.outcome()) + " instead of waiting");
        }
        int sizeBefore = buffer.size();
        call.interrupt();
        call.awaitEnd("A thread waited in " + what + " and was interrupted; it is still waiting. Let the"
                + " InterruptedException that await()/wait() throw propagate (do not catch it and wait again).");
        assertInstanceOf(InterruptedException.class, call.outcome(), what + ", interrupted while waiting, "
                + BlockingCall.describe(call.outcome()) + ": it must throw InterruptedException");
        Object afterwards = BlockingCall.runToEnd("After a thread was interrupted in " + what + ", take/put on"
                + " another thread did not finish: the lock is still held by the thread that left (release it in a"
                + " finally block, or use synchronized).", () -> {
                    if (sizeBefore > 0) {
                        return buffer.take();
                    }
                    buffer.put("y");
                    return buffer.take();
                });
        assertEquals(sizeBefore > 0 ? "a" : "y", afterwards, "the buffer after a thread was interrupted in " + what);
    }
}
