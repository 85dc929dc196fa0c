package kit.checks.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import counter.ThreadSafeCounter;
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
 * Plain threads on the real JVM, with the JIT at work: whether value() sees another thread's increment once the
 * reader's loop is compiled. (The lost updates counted on real threads are in CounterModelTest, beside the model
 * check they fail with.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
public class CounterThreadTest {
    @Test
    @Order(1)
    @DisplayName("A new counter is 0 and counts every increment of one thread")
    @Points(1)
    void countsOneThread() {
        ThreadSafeCounter counter = new ThreadSafeCounter();
        assertEquals(0, counter.value(), "new ThreadSafeCounter().value() should be 0");
        for (int i = 1; i <= 5; i++) {
            counter.increment();
            assertEquals(i, counter.value(), "value() after " + i + " increment() calls on one thread");
        }
    }

    @Test
    @Order(2)
    @DisplayName("value() sees an increment made by another thread, also once the JIT has compiled the reader")
    @Points(2)
    @TimeLimit(cpuSeconds = TimeLimit.NO_CPU_LIMIT) // it spins by design (a reader warmed up by the JIT)
    void valueSeesOtherThreadsIncrement() throws InterruptedException {
        ThreadSafeCounter counter = new ThreadSafeCounter();
        if (!Visibility.readerSeesWrite("increment() while another thread calls value() in a loop",
                Duration.ofMillis(1500), () -> counter.value() == 0, counter::increment)) {
            fail("A thread calling value() in a loop never saw the count change from 0 to 1 (still 0 after 3 s), "
                    + "although another thread had called increment(). value() reads the count without the lock, so "
                    + "the JIT may read it once and reuse that number forever: nothing tells it another thread "
                    + "writes it. Read under the same lock that increment() holds (or make the field volatile): "
                    + "releasing and then taking a lock makes the earlier write visible.");
        }
    }
}
