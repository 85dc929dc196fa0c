package kit.checks.atomicint;

import static org.junit.jupiter.api.Assertions.fail;

import atomicint.AtomicInt;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import kit.grader.api.Deadlines;
import kit.grader.api.JvmOptions;
import kit.grader.api.ModelCheck;
import kit.grader.api.ModelVerdicts;
import kit.grader.api.Points;
import kit.grader.api.Race;
import kit.grader.api.Scenario;
import kit.grader.api.TimeLimit;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Model checking: Lincheck runs short scenarios of all five operations on two threads under many interleavings and
 * requires that every outcome could also come from the calls made one at a time. Small values make compareAndSet
 * succeed often enough to matter. Then lost updates and compareAndSet races counted on real threads: each also
 * model-checks its own calls on two threads, and fails when that does, so that a racy class loses the same points on
 * every run - real threads show a race only when the scheduler lets them.
 */
@JvmOptions("-XX:TieredStopAtLevel=1")
@Param(name = "amount", gen = IntGen.class, conf = "1:2")
@Param(name = "value", gen = IntGen.class, conf = "0:2")
@kit.grader.api.SharedJvm // one JVM for the exercise's model checks and one-thread checks
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class AtomicIntModelTest {
    private static final int CALLS = 10_000;
    private static final int ROUNDS = 20;
    /*
     * Budgets, measured (Lincheck is seeded: what a budget catches once it catches on every run). Every wrong AtomicInt
     * in tests/buggy/ is caught by the pairs within 10 interleavings, and by the random scenarios alone too: the
     * latest, compareAndSet checking outside the lock, by the 7th scenario from 15 interleavings on (with 10, not even
     * in 50 scenarios). Each budget below is 2-3 times that; a correct class uses all of it, at about 1 ms of CPU
     * per interleaving (with 25 x 1000 random ones, this check's JVM took 15.7 s; now about 4 s of CPU).
     */
    private static final int PAIR_INTERLEAVINGS = 30;
    private static final int RANDOM_SCENARIOS = 15;
    private static final int RANDOM_INTERLEAVINGS = 40;

    private final AtomicInt atomic = new AtomicInt(0);

    @Operation
    public int increment(@Param(name = "amount") int amount) {
        return atomic.increment(amount);
    }

    @Operation
    public int decrement(@Param(name = "amount") int amount) {
        return atomic.decrement(amount);
    }

    @Operation
    public int value() {
        return atomic.value();
    }

    @Operation
    public void setValue(@Param(name = "value") int newValue) {
        atomic.setValue(newValue);
    }

    @Operation
    public boolean compareAndSet(@Param(name = "value") int expectedValue, @Param(name = "value") int newValue) {
        return atomic.compareAndSet(expectedValue, newValue);
    }

    @Test
    @Order(1)
    @DisplayName("increment, decrement, value, setValue and compareAndSet from two threads act as if one at a time, "
            + "in every interleaving (model checking)")
    @Points(4)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void operationsAreAtomic() {
        AtomicInt smoke = new AtomicInt(0); // Lincheck would accept a class whose every call throws
        smoke.increment(1);
        smoke.decrement(1);
        smoke.setValue(smoke.value());
        smoke.compareAndSet(0, 0);
        ModelCheck.verify(AtomicIntModelTest.class, RANDOM_SCENARIOS, RANDOM_INTERLEAVINGS, """
                Two threads called these methods at the same time, and the results cannot be explained by the calls \
                happening one after another. Look at the interleaving: where a thread switch falls between a read \
                and a write of the value, that method's read-modify-write (or check-then-act, for compareAndSet) is \
                not under one lock hold, or another method touches the value without the lock.""");
        // The random scenarios above may miss a pair; this runs every change against every operation for sure.
        List<Scenario> pairs = ModelCheck.everyPairWithAChange(AtomicIntModelTest.class, Map.of(
                "increment", ModelCheck.call("increment", 2), "decrement", ModelCheck.call("decrement", 1),
                "value", ModelCheck.call("value"), "setValue", ModelCheck.call("setValue", 1),
                "compareAndSet", ModelCheck.call("compareAndSet", 0, 2)), List.of("increment", "decrement",
                "setValue", "compareAndSet"), List.of(), List.of(ModelCheck.call("value")));
        ModelCheck.findViolation(pairs, PAIR_INTERLEAVINGS).ifPresent(report -> fail("Starting from 0, two"
                + " threads each made one call at the same time (every pair was tried: " + pairs.stream()
                        .map(Scenario::parallelPart).collect(Collectors.joining("; ")) + "), then value(). The"
                + " results cannot be explained by the two calls happening one after the other: a method's read and"
                + " write of the value are not under one lock hold, or it runs without the lock.\n\n" + report));
    }

    @Test
    @Order(2)
    @DisplayName("2 threads x 10,000 increments and decrements: no update is lost")
    @Points(2)
    @TimeLimit(seconds = 120) // it model-checks its calls too
    void noLostUpdates() {
        for (int round = 1; round <= ROUNDS; round++) {
            AtomicInt atomic = new AtomicInt(0);
            Race.run("2 threads x 10,000 calls of increment(3) and decrement(1)", 2, Deadlines.RACE,
                    thread -> {
                        for (int i = 0; i < CALLS; i++) {
                            if (thread == 0) {
                                atomic.increment(3);
                            } else {
                                atomic.decrement(1);
                            }
                        }
                    });
            int expected = 2 * CALLS;
            int value = atomic.value();
            if (value != expected) {
                fail(String.format(Locale.ROOT, "2 threads, one calling increment(3) and one decrement(1), %,d times "
                        + "each from 0: value %,d, expected %,d - updates were lost (round %d of %d).%nA "
                        + "read-modify-write that is not under one lock hold lets the two threads interleave their "
                        + "steps, and one write overwrites the other.", CALLS, value, expected, round, ROUNDS));
            }
        }
        ModelCheck.findViolation(List.of(
                ModelCheck.scenario(AtomicIntModelTest.class).thread(ModelCheck.call("increment", 2))
                        .thread(ModelCheck.call("decrement", 1)).after(ModelCheck.call("value")),
                ModelCheck.scenario(AtomicIntModelTest.class).thread(ModelCheck.call("increment", 2))
                        .thread(ModelCheck.call("increment", 1)).after(ModelCheck.call("value")),
                ModelCheck.scenario(AtomicIntModelTest.class).thread(ModelCheck.call("decrement", 2))
                        .thread(ModelCheck.call("decrement", 1)).after(ModelCheck.call("value"))), PAIR_INTERLEAVINGS)
                .ifPresent(report -> fail(String.format(Locale.ROOT, "2 threads, one calling increment(3) and one"
                        + " decrement(1), %,d times each, %d rounds: every value came out right. ", CALLS, ROUNDS)
                        + ModelVerdicts.shownBy("Two threads called increment and decrement (or two of one) at the"
                        + " same time, then value(): the results cannot be explained by the calls happening one"
                        + " after the other.\n\n" + report)));
    }

    @Test
    @Order(3)
    @DisplayName("2 threads x 10,000 compareAndSet retry loops: each expected value is won by one thread only")
    @Points(2)
    @TimeLimit(seconds = 120) // it model-checks its calls too
    void compareAndSetIsAtomic() {
        for (int round = 1; round <= ROUNDS; round++) {
            AtomicInt atomic = new AtomicInt(0);
            Race.run("2 threads x 10,000 compareAndSet(v, v + 1) loops", 2, Deadlines.RACE,
                    thread -> {
                        for (int i = 0; i < CALLS; i++) {
                            int seen;
                            do {
                                seen = atomic.value();
                            } while (!atomic.compareAndSet(seen, seen + 1));
                        }
                    });
            int expected = 2 * CALLS;
            int value = atomic.value();
            if (value != expected) {
                fail(String.format(Locale.ROOT, "2 threads x %,d loops of 'v = value(); retry until "
                        + "compareAndSet(v, v + 1)': compareAndSet returned true %,d times, but the value is %,d "
                        + "(round %d of %d).%n%s", CALLS, expected, value, round, ROUNDS, value < expected
                                ? "Some successful compareAndSet calls did not count: two threads both found v and "
                                + "both 'succeeded', or a change was made where other threads do not see it (not "
                                + "in the one shared value). compareAndSet must compare and set under one lock "
                                + "hold, on the value every thread reads."
                                : "Each successful compareAndSet adds exactly 1 here: more than that means a call"
                                + " changed the value twice or without succeeding."));
            }
        }
        ModelCheck.findViolation(List.of(
                ModelCheck.scenario(AtomicIntModelTest.class).thread(ModelCheck.call("compareAndSet", 0, 1))
                        .thread(ModelCheck.call("compareAndSet", 0, 2)).after(ModelCheck.call("value")),
                ModelCheck.scenario(AtomicIntModelTest.class).thread(ModelCheck.call("value"),
                        ModelCheck.call("compareAndSet", 0, 1)).thread(ModelCheck.call("value"),
                        ModelCheck.call("compareAndSet", 0, 1)).after(ModelCheck.call("value"))), PAIR_INTERLEAVINGS)
                .ifPresent(report -> fail(String.format(Locale.ROOT, "2 threads x %,d compareAndSet(v, v + 1) loops,"
                        + " %d rounds: every value came out right. ", CALLS, ROUNDS) + ModelVerdicts.shownBy("Two"
                        + " threads called compareAndSet(0, ...) at the same time on 0, then value(): both returned"
                        + " true, or the value is not the one the winner set.\n\n" + report)));
    }
}
