package kit.checks.atomicint;

import static org.junit.jupiter.api.Assertions.fail;

import atomicint.AtomicInt;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kit.grader.api.Scenario;
import kit.grader.api.JvmOptions;
import kit.grader.api.ModelCheck;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Model checking: Lincheck runs short scenarios of all five operations on two threads under many interleavings and
 * requires that every outcome could also come from the calls made one at a time. Small values make compareAndSet
 * succeed often enough to matter.
 */
@JvmOptions("-XX:TieredStopAtLevel=1")
@Param(name = "amount", gen = IntGen.class, conf = "1:2")
@Param(name = "value", gen = IntGen.class, conf = "0:2")
@kit.grader.api.SharedJvm // one JVM for the exercise's model checks and one-thread checks
public class AtomicIntModelTest {
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
}
