package kit.checks.boundedbuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import boundedbuffer.BoundedBuffer;
import java.time.Duration;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import kit.grader.api.BlockingCall;
import kit.grader.api.Deadlines;
import kit.grader.api.Visibility;

/**
 * Producers that wait while the buffer is full, consumers that wait while it is empty, and what ends their wait. Each
 * check first sees the thread waiting (parked, or in wait()), then acts - so the checks do not depend on timing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
class BufferWaitingTest {
    private static final Duration READER_WARM_UP = Duration.ofMillis(1500);

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
    @DisplayName("size() read in a loop by another thread sees a put, also once the JIT has compiled the reader")
    @Points(2)
    @TimeLimit(cpuSeconds = TimeLimit.NO_CPU_LIMIT) // it spins by design (a reader warmed up by the JIT)
    void sizeSeesOtherThreadsPut() throws InterruptedException {
        var buffer = new BoundedBuffer<String>(2);
        if (!Visibility.readerSeesWrite("put(\"x\") while another thread calls size() in a loop", READER_WARM_UP,
                () -> buffer.size() == 0, () -> {
                    try {
                        buffer.put("x");
                    } catch (InterruptedException e) {
                        throw new AssertionError("put(\"x\") on an empty buffer was interrupted", e);
                    }
                })) {
            fail("A thread calling size() in a loop never saw the size change from 0 (still 0 after "
                    + Deadlines.SEEN.toSeconds() + " s), although another thread had called put(\"x\") on the empty"
                    + " buffer. size() reads without the lock that put and take hold, so the JIT may read once, before"
                    + " the reader's loop, and reuse that number forever: nothing tells it another thread changes it."
                    + " Read under that lock (or return a volatile count that put and take keep).");
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
