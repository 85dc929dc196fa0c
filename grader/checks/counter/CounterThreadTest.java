package kit.checks.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import counter.ThreadSafeCounter;
import java.time.Duration;
import java.util.Locale;
import kit.grader.api.Deadlines;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import kit.grader.api.Race;
import kit.grader.api.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Plain threads on the real JVM, with the JIT at work: lost updates counted, and whether value() sees another
 * thread's increment once the reader's loop is compiled. On one CPU a race may not show in the counts; the model
 * checking class catches those races there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
public class CounterThreadTest {
    private static final int THREADS = 2;
    private static final int INCREMENTS = 10_000;
    private static final int ROUNDS = 20;

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
    @DisplayName("2 threads x 10,000 increments: no update is lost")
    @Points(3)
    void noLostUpdates() {
        for (int round = 1; round <= ROUNDS; round++) {
            ThreadSafeCounter counter = new ThreadSafeCounter();
            Race.run(THREADS + " threads x 10,000 increments", THREADS, Deadlines.RACE, thread -> {
                for (int i = 0; i < INCREMENTS; i++) {
                    counter.increment();
                }
            });
            int expected = THREADS * INCREMENTS;
            int value = counter.value();
            if (value != expected) {
                fail(String.format(Locale.ROOT, "%d threads x %,d increments: value %,d, expected %,d - %s "
                        + "(round %d of %d).%ncount++ reads, adds and writes in three steps; when two threads "
                        + "interleave them, both write the same number and one increment vanishes. Hold one lock "
                        + "around the whole read-modify-write.", THREADS, INCREMENTS, value, expected,
                        value < expected ? "updates were lost" : "more than expected", round, ROUNDS));
            }
        }
    }

    @Test
    @Order(3)
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
