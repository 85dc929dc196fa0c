package kit.checks.list;

import java.util.List;
import kit.grader.api.DataRaces;
import kit.grader.api.DataRaces.Operation;
import kit.grader.api.DetectsRaces;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import list.ThreadSafeList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rule itself, not its symptoms: every pair of conflicting accesses to the list's state (its fields, and the
 * java.util collection it keeps, taken whole) is ordered by happens-before. Two threads take turns calling every
 * method in every order; the race detector watches the accesses.
 */
@DetectsRaces
@JvmOptions("-XX:TieredStopAtLevel=1") // a few hundred calls: C1 is enough, and starts sooner
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS)
public class ListRaceTest {
    @Test
    @DisplayName("No data race: every conflicting access is ordered (Java Memory Model)")
    @Points(2)
    void noDataRace() {
        DataRaces.assertNoRace("Threads A and B called append, appendIfAbsent, pop, get, size and snapshot one after"
                + " the other, in every order (each pop and get right after an append of the same thread)",
                DataRaces.everyPair(ThreadSafeList<Integer>::new, List.<Operation<ThreadSafeList<Integer>>>of(
                        Operation.of("append(1)", list -> list.append(1)),
                        Operation.of("appendIfAbsent(2)", list -> list.appendIfAbsent(2)),
                        Operation.after("append(3)", list -> list.append(3), "pop(0)", list -> list.pop(0)),
                        Operation.after("append(4)", list -> list.append(4), "get(0)", list -> list.get(0)),
                        Operation.of("size()", ThreadSafeList::size),
                        Operation.of("snapshot()", ThreadSafeList::snapshot))));
    }
}
