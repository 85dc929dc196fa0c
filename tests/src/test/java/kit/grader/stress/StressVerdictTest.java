package kit.grader.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import kit.grader.host.CheckResult;
import org.junit.jupiter.api.Test;

/** jcstress's verdict on one stress test turned into the check's result and what the learner reads. */
class StressVerdictTest {
    private static final StressTestSource TWO_INCREMENTS = new StressTestSource(Path.of("TwoIncrements.java"),
            "kit.stress.counter.TwoIncrements", "jcstress: two increments at once are both counted", 2, 2);

    private static final List<String> TABLE = List.of(
            "        RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION   ",
            "             1     98,999    7.07%   Forbidden  lost update: both threads read 0 and both wrote 1",
            "             2  1,301,852   92.93%  Acceptable  both increments counted");

    private static CheckResult verdict(String verdict, List<String> table, List<String> messages) {
        return StressVerdict.of(TWO_INCREMENTS, new JcstressRun.Report(verdict, table, messages),
                "results/stress-counter");
    }

    @Test
    void okPassesWithItsTableAndTheMachine() {
        CheckResult result = verdict("OK", TABLE, List.of());
        assertTrue(result.passed());
        assertEquals(2, result.score());
        assertEquals(2, result.maxScore());
        assertEquals("jcstress: two increments at once are both counted", result.name());
        assertTrue(result.output().startsWith("On " + JcstressMachine.describe() + "; jcstress's report: "
                + "results/stress-counter/index.html\n"), result.output());
        assertTrue(result.output().endsWith("\n        RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION\n"
                + TABLE.get(1) + "\n" + TABLE.get(2)), "the table, without trailing blanks: " + result.output());
    }

    @Test
    void aForbiddenOutcomeFailsWithTheTableAndWhatTheColumnsMean() {
        CheckResult result = verdict("FAILED", TABLE, List.of());
        assertFalse(result.passed());
        assertFalse(result.skipped());
        assertEquals(0, result.score());
        assertEquals(2, result.maxScore());
        assertTrue(result.output().startsWith("jcstress saw a FORBIDDEN outcome"), result.output());
        assertTrue(result.output().contains(TABLE.get(1)), result.output());
        assertTrue(result.output().contains("Forbidden: one that no order of the calls gives"), result.output());
        assertTrue(result.output().contains("results/stress-counter/index.html"), result.output());
    }

    /** stop-flag's termination test: STALE means the worker never saw stop(), not that calls overlapped. */
    @Test
    void aStaleOutcomeSaysTheCallNeverEndedNotThatCallsOverlapped() {
        List<String> table = List.of(
                "        RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION",
                "         STALE        1   12.50%   Forbidden  run() never saw the stop: it still spins",
                "    TERMINATED        7   87.50%  Acceptable  run() saw the stop and returned");
        CheckResult result = verdict("FAILED", table, List.of());
        assertFalse(result.passed());
        assertTrue(result.output().startsWith("jcstress saw a FORBIDDEN outcome: STALE - a call that must end never"
                + " did. Nothing overlapped"), result.output());
        assertFalse(result.output().contains("the calls overlapped and broke each other"), result.output());
        assertTrue(result.output().contains(table.get(1)), result.output());
        CheckResult overlapped = verdict("FAILED", TABLE, List.of());
        assertTrue(overlapped.output().startsWith("jcstress saw a FORBIDDEN outcome: results that no order of these"
                + " calls can give, so the calls overlapped"), overlapped.output());
        CheckResult neverStale = verdict("FAILED", List.of(table.get(0),
                "         STALE        0    0.00%   Forbidden  run() never saw the stop: it still spins",
                "    TERMINATED        8  100.00%  Acceptable  run() saw the stop and returned"), List.of());
        assertTrue(neverStale.output().contains("the calls overlapped"), "no STALE sample: " + neverStale.output());
    }

    @Test
    void anErrorFailsWithJcstresssFirstMessages() {
        List<String> messages = IntStream.rangeClosed(1, 20).mapToObj(i -> "message " + i).toList();
        CheckResult result = verdict("ERROR", List.of(), messages);
        assertFalse(result.passed());
        assertTrue(result.output().startsWith("jcstress could not finish this test (ERROR); it said:\nmessage 1\n"),
                result.output());
        assertTrue(result.output().contains("message 12\n"), result.output());
        assertFalse(result.output().contains("message 13"), "at most 12 lines: " + result.output());
    }

    @Test
    void aTimeoutWithoutMessagesSaysSo() {
        CheckResult result = verdict("TIMEOUT", List.of(), List.of());
        assertTrue(result.output().startsWith("jcstress could not finish this test (TIMEOUT).\nOn "), result.output());
    }

    @Test
    void aHangShowsWhereTheActorsWereAndAMissingResultJcstresssLastLines() {
        String hung = StressVerdict.hung("\"actor1\" parked at queue.ThreadSafeQueue.take(ThreadSafeQueue.java:31)");
        assertTrue(hung.startsWith("Stopped after " + JcstressRun.STALL_SECONDS + " s without a result"), hung);
        assertTrue(hung.endsWith("Where they were:\n\"actor1\" parked at queue.ThreadSafeQueue.take("
                + "ThreadSafeQueue.java:31)"), hung);
        String none = StressVerdict.noResult(IntStream.rangeClosed(1, 20).mapToObj(i -> "out " + i).toList());
        assertTrue(none.endsWith("The end of its output:\nout 13\nout 14\nout 15\nout 16\nout 17\nout 18\nout 19\n"
                + "out 20"), none);
    }
}
