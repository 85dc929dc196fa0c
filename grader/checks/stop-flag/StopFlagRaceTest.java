package kit.checks.stopflag;

import java.util.List;
import kit.grader.api.DataRaces;
import kit.grader.api.DetectsRaces;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import stopflag.StoppableWorker;

/**
 * The rule itself, not its symptoms: the worker's fields, written by one thread and read by another, are ordered by
 * happens-before. On HotSpot a plain count beside a volatile flag shows no symptom at all (the loop's volatile read
 * keeps it fresh); the race detector finds the unordered pair on any JVM.
 */
@DetectsRaces
@JvmOptions("-XX:TieredStopAtLevel=1") // a few hundred calls: C1 is enough, and starts sooner
public class StopFlagRaceTest {
    @Test
    @DisplayName("No data race: every conflicting access is ordered (Java Memory Model)")
    @Points(2)
    void noDataRace() {
        StoppableWorker worker = new StoppableWorker(() -> { });
        DataRaces.assertNoRace("Thread W ran run() (with a task that does nothing) while thread C called runs() until"
                + " it counted a run, then runs() again and stop()", List.of(
                        DataRaces.inBackground("W", "run()", worker::run),
                        DataRaces.call("C", "runs() until it counts a run", () -> {
                            while (worker.runs() == 0) {
                                Thread.onSpinWait();
                            }
                        }),
                        DataRaces.call("C", "runs()", worker::runs),
                        DataRaces.call("C", "stop()", worker::stop)));
    }
}
