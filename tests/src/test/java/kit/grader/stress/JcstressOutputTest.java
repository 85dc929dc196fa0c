package kit.grader.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kit.grader.layout.Exercise;
import kit.grader.layout.GraderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the grader reads without running jcstress: a stress test's name, points and threads from its source, and each
 * test's verdict, outcome table and messages from jcstress's console output (0.16, {@code -v}; the layout of its
 * ConsoleReportPrinter and TextReportPrinter: a progress block per finished test, then "RUN RESULTS:" with every
 * test again).
 */
class JcstressOutputTest {
    @TempDir
    Path dir;

    private static final List<String> OUTPUT = """
            Java Concurrency Stress Tests
            ---------------------------------------------------------------------------------
            Rev: 0.16, built by shade with 17.0.7 at 2023-05-12T12:50:59Z

            Probing the target OS:
             (all failures are non-fatal, but may affect testing accuracy)

            ....... [OK] Trying to set affinity
            Initializing and probing the target VM:
             (all failures are non-fatal, but may affect testing accuracy)

            ....... [OK] Unlocking diagnostic VM options

            ....... [FAILED] kit.stress.counter.TwoIncrements

              Scheduling class:
                actor1: package group 0, core group 0
                actor2: package group 0, core group 0

              CPU allocation: unspecified
              Compilation: unified across all actors
              JVM args: [-XX:-EliminateLocks]
              Fork: #1

                RESULT   SAMPLES     FREQ      EXPECT  DESCRIPTION
                     1        12    1.00%   Forbidden  lost update
                     2     1,188   99.00%  Acceptable  both counted

            (ETA:        now)
            (Sampling Rate: 1.54 M/sec)
            (JVMs: 0 starting, 1 running, 0 finishing)
            (CPUs: 2 configured, 2 allocated)
            (Results: 2 planned; 0 passed, 1 failed, 0 soft errs, 0 hard errs)

                 [ERROR] kit.stress.counter.Broken

              Messages:
                java.lang.IllegalStateException: TODO
                    at counter.ThreadSafeCounter.increment(ThreadSafeCounter.java:9)

            RUN RESULTS:
              Interesting tests: No matches.

              Failed tests: 1 matching test results.

                [FAILED] kit.stress.counter.TwoIncrements

              Results across all configurations:

                RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                     1      98,999    7.07%   Forbidden  lost update
                     2   1,301,852   92.93%  Acceptable  both counted

              Error tests: 1 matching test results.

                 [ERROR] kit.stress.counter.Broken

              Messages:
                java.lang.IllegalStateException: TODO
                    at counter.ThreadSafeCounter.increment(ThreadSafeCounter.java:9)

              All remaining tests: 0 matching test results.
            """.lines().toList();

    @Test
    void eachTestsVerdictTableAndMessagesFromTheFinalSummary() {
        Map<String, JcstressRun.Report> reports = JcstressRun.reports(OUTPUT);
        JcstressRun.Report counter = reports.get("kit.stress.counter.TwoIncrements");
        assertEquals("FAILED", counter.verdict());
        assertEquals(List.of(
                "    RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION",
                "         1      98,999    7.07%   Forbidden  lost update",
                "         2   1,301,852   92.93%  Acceptable  both counted"), counter.table(),
                "the summary's table, not the progress block's");
        JcstressRun.Report broken = reports.get("kit.stress.counter.Broken");
        assertEquals("ERROR", broken.verdict());
        assertEquals(List.of(), broken.table());
        assertEquals(List.of("java.lang.IllegalStateException: TODO",
                "at counter.ThreadSafeCounter.increment(ThreadSafeCounter.java:9)"), broken.messages());
    }

    @Test
    void theProbesAreNoTestsOnlyNamesWithoutBlanksAre() {
        Map<String, JcstressRun.Report> reports = JcstressRun.reports(OUTPUT);
        assertEquals(List.of("kit.stress.counter.TwoIncrements", "kit.stress.counter.Broken"),
                List.copyOf(reports.keySet()), "'[OK] Trying to set affinity' is not a test");
    }

    @Test
    void noOutputNoReports() {
        assertEquals(Map.of(), JcstressRun.reports(List.of("No matching tests.")));
    }

    private static final Exercise COUNTER = new Exercise("counter", "ThreadSafeCounter", "counter", Optional.empty());

    @Test
    void aStressTestsNamePointsAndThreadsComeFromItsSource() throws IOException {
        Files.writeString(dir.resolve("StopEndsTheWorker.java"), """
                package kit.stress.counter;

                @JCStressTest(Mode.Termination)
                @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the worker stopped")
                @Description("jcstress: stop() ends the \\"worker\\" loop")
                @kit.grader.api.Points(3)
                public class StopEndsTheWorker {
                    @Actor
                    public void worker() {}

                    @Signal
                    public void stop() {}
                }
                """);
        Files.writeString(dir.resolve("TwoIncrements.java"), """
                @Description( "jcstress: two increments at once are both counted")
                @Points(2)
                public class TwoIncrements {
                    @Actor public void a() {}
                    @Actor public void b() {}
                    @Arbiter public void c() {}
                }
                """);
        Files.writeString(dir.resolve("notes.txt"), "not a test");
        List<StressTestSource> tests = StressTestSource.find(dir, COUNTER);
        assertEquals(List.of(
                new StressTestSource(dir.resolve("StopEndsTheWorker.java"), "kit.stress.counter.StopEndsTheWorker",
                        "jcstress: stop() ends the \"worker\" loop", 3, 2),
                new StressTestSource(dir.resolve("TwoIncrements.java"), "kit.stress.counter.TwoIncrements",
                        "jcstress: two increments at once are both counted", 2, 2)), tests);
    }

    @Test
    void aStressTestWithoutPointsIsAnErrorOfTheKit() throws IOException {
        Files.writeString(dir.resolve("NoPoints.java"), "@Description(\"jcstress: x\") class NoPoints {}");
        GraderException e = assertThrows(GraderException.class, () -> StressTestSource.find(dir, COUNTER));
        assertTrue(e.getMessage().endsWith("a stress test needs @Description(\"...\") and @Points(n)"), e.getMessage());
    }

    @Test
    void noFolderNoStressTests() {
        assertEquals(List.of(), StressTestSource.find(dir.resolve("none"), COUNTER));
    }
}
