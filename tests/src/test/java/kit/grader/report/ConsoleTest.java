package kit.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kit.grader.host.CheckResult;
import kit.grader.host.ExerciseResult;
import kit.grader.layout.Exercise;
import org.junit.jupiter.api.Test;

/** The lines the learner reads in the terminal: one per check, failures explained indented below, the totals. */
class ConsoleTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Console console = new Console(out);

    private String printed() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static Exercise exercise(String id) {
        return new Exercise(id, "Unused", id, Optional.empty());
    }

    @Test
    void aCheckPerLineWithAFailuresExplanationIndented() {
        Exercise counter = exercise("counter");
        console.start(counter, "exercises/counter/ThreadSafeCounter.java");
        console.result(new CheckResult("A new counter is 0", 1, 1, true, "not shown"));
        console.result(CheckResult.failed("no update is lost", 3, "value 13,412, expected 20,000\nHold one lock.\n"));
        console.result(CheckResult.skipped("jcstress: two increments", 2, "1 CPU here, this test needs 2"));
        console.total(new ExerciseResult(counter, "x", List.of(new CheckResult("a", 1, 1, true, ""),
                CheckResult.failed("b", 3, "")), ""));
        assertEquals("""
                == counter: exercises/counter/ThreadSafeCounter.java
                [PASS] 1/1 A new counter is 0
                [FAIL] 0/3 no update is lost
                      value 13,412, expected 20,000
                      Hold one lock.
                [SKIP] 0/2 jcstress: two increments
                      skipped: 1 CPU here, this test needs 2
                counter: 1/4 points

                """, printed());
    }

    @Test
    void fullMarksAndTheSummaryOfSeveralExercises() {
        Exercise counter = exercise("counter");
        Exercise list = exercise("list");
        ExerciseResult full = new ExerciseResult(counter, "x", List.of(new CheckResult("a", 10, 10, true, "")), "");
        ExerciseResult none = new ExerciseResult(list, "x", List.of(CheckResult.failed("a", 12, "")), "no compile");
        console.total(full);
        console.summary(List.of(full, none));
        assertEquals("""
                counter: 10/10 points - full marks

                Summary
                  counter           10/10  full marks
                  list               0/12 \s
                  total             10/22\s
                """, printed());
    }
}
