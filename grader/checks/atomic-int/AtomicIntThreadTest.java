package kit.checks.atomicint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import atomicint.AtomicInt;
import java.time.Duration;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import kit.grader.api.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The contract on one thread, then whether value() sees another thread's setValue once the reader's loop is compiled.
 * (The lost updates and compareAndSet races counted on real threads are in AtomicIntModelTest, beside the model
 * checks they fail with.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
public class AtomicIntThreadTest {
    @Test
    @Order(1)
    @DisplayName("On one thread every method keeps its contract: new values returned, compareAndSet true only on a "
            + "match, setValue")
    @Points(2)
    void contractOnOneThread() {
        AtomicInt atomic = new AtomicInt(5);
        assertEquals(5, atomic.value(), "new AtomicInt(5).value()");
        assertEquals(8, atomic.increment(3), "increment(3) on 5 must return the NEW value");
        assertEquals(8, atomic.value(), "value() after increment(3) on 5");
        assertEquals(6, atomic.decrement(2), "decrement(2) on 8 must return the NEW value");
        assertEquals(6, atomic.value(), "value() after decrement(2) on 8");
        assertTrue(atomic.compareAndSet(6, 10), "compareAndSet(6, 10) when the value is 6 must return true");
        assertEquals(10, atomic.value(), "value() after a successful compareAndSet(6, 10)");
        assertFalse(atomic.compareAndSet(6, 20), "compareAndSet(6, 20) when the value is 10 must return false");
        assertEquals(10, atomic.value(), "a failed compareAndSet must not change the value");
        atomic.setValue(-4);
        assertEquals(-4, atomic.value(), "value() after setValue(-4)");
        assertEquals(-9, atomic.decrement(5), "decrement(5) on -4");
    }

    @Test
    @Order(2)
    @DisplayName("value() sees a setValue() made by another thread, also once the JIT has compiled the reader")
    @Points(2)
    @TimeLimit(cpuSeconds = TimeLimit.NO_CPU_LIMIT) // it spins by design (a reader warmed up by the JIT)
    void valueSeesOtherThreadsWrite() throws InterruptedException {
        AtomicInt atomic = new AtomicInt(0);
        if (!Visibility.readerSeesWrite("setValue(1) while another thread calls value() in a loop",
                Duration.ofMillis(1500), () -> atomic.value() == 0, () -> atomic.setValue(1))) {
            fail("A thread calling value() in a loop never saw the value change from 0 to 1 (still 0 after 3 s), "
                    + "although another thread had called setValue(1). value() reads the field without the lock, "
                    + "so the JIT may read it once and reuse that number forever. Read it under the same lock the "
                    + "writers hold: releasing and then taking a lock makes the earlier write visible.");
        }
    }
}
