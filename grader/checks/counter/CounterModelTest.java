package kit.checks.counter;

import static org.junit.jupiter.api.Assertions.fail;

import counter.ThreadSafeCounter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kit.grader.api.Deadlines;
import kit.grader.api.JvmOptions;
import kit.grader.api.ModelCheck;
import kit.grader.api.ModelVerdicts;
import kit.grader.api.Points;
import kit.grader.api.Race;
import kit.grader.api.Scenario;
import kit.grader.api.TimeLimit;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Model checking: Lincheck runs a few increments and reads on two threads under many interleavings and requires
 * that every outcome could also have come from running the calls one at a time. Deterministic, on any CPU count.
 * And the lost updates counted on real threads, which fail with the model check too (ModelVerdicts), so that a racy
 * counter loses the same points on every run - real threads show the race only when the scheduler lets them. The
 * real threads run first: they run the model check themselves when they see nothing wrong, and a class that fills
 * the heap or loops shows it on them in a second, where the model checker would take half a minute to fail on it.
 */
@JvmOptions("-XX:TieredStopAtLevel=1")
@kit.grader.api.SharedJvm // one JVM for the exercise's model checks and one-thread checks
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CounterModelTest {
    private static final int THREADS = 2;
    private static final int INCREMENTS = 10_000;
    private static final int ROUNDS = 20;
    /*
     * Budgets, measured (Lincheck is seeded: what a budget catches once it catches on every run). Every wrong counter
     * in tests/buggy/ is caught by the pairs within 10 interleavings, and by the random scenarios already by the first
     * scenario within 10 interleavings. Each budget below is about 3 times that; a correct class uses all of it
     * (about 1 ms of CPU per interleaving: with 10 x 1000 random ones this check's JVM used 12-14 s of CPU, now 4 s).
     */
    private static final int PAIR_INTERLEAVINGS = 30;
    private static final int RANDOM_SCENARIOS = 3;
    private static final int RANDOM_INTERLEAVINGS = 30;

    private final ThreadSafeCounter counter = new ThreadSafeCounter();

    @Operation
    public void increment() {
        counter.increment();
    }

    @Operation
    public int value() {
        return counter.value();
    }

    @Test
    @Order(2)
    @DisplayName("Increments and reads from two threads act as if one at a time, in every interleaving (model"
            + " checking)")
    @Points(4)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void incrementsAreAtomic() {
        ModelVerdicts.check(CounterModelTest.class, "incrementsAreAtomic", CounterModelTest::modelCheck);
    }

    private static void modelCheck() {
        ThreadSafeCounter smoke = new ThreadSafeCounter(); // Lincheck would accept a class whose every call throws
        smoke.increment();
        smoke.value();
        ModelCheck.verify(CounterModelTest.class, RANDOM_SCENARIOS, RANDOM_INTERLEAVINGS, """
                Two threads called increment() and value() at the same time, and the results cannot be explained by \
                the calls happening one after another: an update was lost. \
                count++ is three steps (read, add, write); if another thread runs between them, one increment \
                overwrites the other. Hold one lock for the whole read-modify-write, and read under the same lock.""");
        // The random scenarios above may miss a pair; this runs increment against both operations for sure.
        List<Scenario> pairs = ModelCheck.everyPairWithAChange(CounterModelTest.class, Map.of("increment",
                ModelCheck.call("increment"), "value", ModelCheck.call("value")), List.of("increment"),
                List.of(), List.of(ModelCheck.call("value")));
        ModelCheck.findViolation(pairs, PAIR_INTERLEAVINGS).ifPresent(report -> fail("Two threads called"
                + " increment() and increment(), or increment() and value(), at the same time, then value(): the"
                + " results cannot be explained by the calls happening one after the other. count++ is three steps;"
                + " hold one lock for all three, and read under the same lock.\n\n" + report));
    }

    @Test
    @Order(1)
    @DisplayName("2 threads x 10,000 increments: no update is lost")
    @Points(3)
    @TimeLimit(seconds = 120, cpuSeconds = 8) // 20 x 20,000 calls; the model check it may run itself is not counted
    void noLostUpdates() {
        for (int round = 1; round <= ROUNDS; round++) {
            ThreadSafeCounter shared = new ThreadSafeCounter();
            Race.run(THREADS + " threads x 10,000 increments", THREADS, Deadlines.RACE, thread -> {
                for (int i = 0; i < INCREMENTS; i++) {
                    shared.increment();
                }
            });
            int expected = THREADS * INCREMENTS;
            int value = shared.value();
            if (value != expected) {
                fail(String.format(Locale.ROOT, "%d threads x %,d increments: value %,d, expected %,d - %s "
                        + "(round %d of %d).%ncount++ reads, adds and writes in three steps; when two threads "
                        + "interleave them, both write the same number and one increment vanishes. Hold one lock "
                        + "around the whole read-modify-write.", THREADS, INCREMENTS, value, expected,
                        value < expected ? "updates were lost" : "more than expected", round, ROUNDS));
            }
        }
        List<String> failing = ModelVerdicts.failing(CounterModelTest.class,
                Map.of("incrementsAreAtomic", CounterModelTest::modelCheck));
        if (!failing.isEmpty()) {
            fail(String.format(Locale.ROOT, "%d threads x %,d increments, %d rounds: every count came out right. ",
                    THREADS, INCREMENTS, ROUNDS) + ModelVerdicts.shownBy(failing));
        }
    }
}
