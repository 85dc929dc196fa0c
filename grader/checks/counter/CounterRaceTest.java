package kit.checks.counter;

import counter.ThreadSafeCounter;
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
 * The rule itself, not its symptoms: every pair of conflicting accesses to the count is ordered by happens-before.
 * Two threads take turns calling increment() and value() in every order; the race detector watches the accesses.
 * A reader under another lock than the writer's loses no update and, on x86, never reads a stale count - only this
 * check sees it.
 */
@DetectsRaces
@JvmOptions("-XX:TieredStopAtLevel=1") // a few hundred calls: C1 is enough, and starts sooner
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS)
public class CounterRaceTest {
    @Test
    @DisplayName("No data race: every conflicting access is ordered (Java Memory Model)")
    @Points(2)
    void noDataRace() {
        DataRaces.assertNoRace("Threads A and B called increment() and value() one after the other, in every order",
                DataRaces.everyPair(ThreadSafeCounter::new, List.of(
                        Operation.of("increment()", ThreadSafeCounter::increment),
                        Operation.of("value()", ThreadSafeCounter::value))));
    }
}
