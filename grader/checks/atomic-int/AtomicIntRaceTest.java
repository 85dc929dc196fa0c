package kit.checks.atomicint;

import atomicint.AtomicInt;
import java.util.List;
import kit.grader.api.DataRaces;
import kit.grader.api.DataRaces.Operation;
import kit.grader.api.DetectsRaces;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rule itself, not its symptoms: every pair of conflicting accesses to the value is ordered by happens-before.
 * Two threads take turns calling every method in every order; the race detector watches the accesses, so a read
 * under another lock, or none, is found on any CPU, also where no lost update and no stale read ever shows.
 */
@DetectsRaces
@JvmOptions("-XX:TieredStopAtLevel=1") // a few hundred calls: C1 is enough, and starts sooner
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS)
public class AtomicIntRaceTest {
    @Test
    @DisplayName("No data race: every conflicting access is ordered (Java Memory Model)")
    @Points(2)
    void noDataRace() {
        DataRaces.assertNoRace("Threads A and B called increment(1), decrement(1), value(), setValue(5) and"
                + " compareAndSet(5, 6) one after the other, in every order",
                DataRaces.everyPair(() -> new AtomicInt(0), List.<Operation<AtomicInt>>of(
                        Operation.of("increment(1)", atomic -> atomic.increment(1)),
                        Operation.of("decrement(1)", atomic -> atomic.decrement(1)),
                        Operation.of("value()", AtomicInt::value),
                        Operation.of("setValue(5)", atomic -> atomic.setValue(5)),
                        Operation.of("compareAndSet(5, 6)", atomic -> atomic.compareAndSet(5, 6)))));
    }
}
