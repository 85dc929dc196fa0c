package kit.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kit.grader.host.CheckResult;
import kit.grader.host.ExerciseResult;
import kit.grader.layout.Exercise;
import kit.grader.layout.KitLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's progress in a temporary kit of four exercises, listed by its own exercises/exercises.toml: every
 * exercise's file is its starter (untouched) until a test changes it, and .kit-progress is read and written there.
 */
class ProgressTest {
    @TempDir
    Path root;

    private KitLayout paths;

    private List<Exercise> exercises() {
        return paths.exercises();
    }

    private Exercise exercise(int index) {
        return exercises().get(index);
    }

    @BeforeEach
    void aKitOfFourExercisesAllUntouched() throws IOException {
        StringBuilder manifest = new StringBuilder("# a kit of four\n");
        for (String id : List.of("counter", "atomic-int", "list", "queue")) {
            manifest.append("\n[[exercise]]\nid = \"").append(id).append("\"\nclass = \"Class").append(id.length())
                    .append("\"\npackage = \"").append(id.replace("-", "")).append("\"\n");
        }
        Files.createDirectories(root.resolve("exercises"));
        Files.writeString(root.resolve("exercises/exercises.toml"), manifest);
        paths = KitLayout.load(root);
        for (Exercise e : exercises()) {
            String starter = "package " + e.packageName() + ";\n\npublic class " + e.className() + " {}\n";
            Files.createDirectories(paths.starter(e).getParent());
            Files.writeString(paths.starter(e), starter);
            Files.createDirectories(paths.learnerFile(e).getParent());
            Files.writeString(paths.learnerFile(e), starter.replace("\n", "\r\n")); // as git may check it out
        }
    }

    private static ExerciseResult graded(Exercise exercise, int... scores) {
        List<CheckResult> checks = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            checks.add(scores[i] == 2 ? new CheckResult("check " + i, 2, 2, true, "")
                    : CheckResult.failed("check " + i, 2, "why"));
        }
        return new ExerciseResult(exercise, "exercises/" + exercise.id(), checks, "");
    }

    private List<String> fileLines() throws IOException {
        return Files.readAllLines(Progress.file(paths));
    }

    @Test
    void aNewKitHasNothingStartedAndNamesTheFirstExercise() {
        Progress progress = Progress.load(paths);
        for (Exercise e : exercises()) {
            assertEquals(Progress.State.NOT_STARTED, progress.state(e), e.id());
        }
        List<String> report = progress.report();
        assertEquals("Progress: 0 of " + exercises().size() + " done (kept in .kit-progress)", report.get(0));
        assertEquals(String.format("  %-16s not started", exercise(0).id()), report.get(1));
        assertEquals(6, report.size(), "a title, a line per exercise, what next");
        assertTrue(report.get(report.size() - 1).startsWith("Next: " + exercise(0).id() + " - read exercises/"
                + exercise(0).id() + "/README.md, then ./jbang watch"), report.toString());
        assertFalse(Files.exists(Progress.file(paths)), "reading writes nothing");
    }

    @Test
    void anEditedFileIsStartedAndAMissingOneToo() throws IOException {
        Files.writeString(paths.learnerFile(exercise(1)), "package x; class Mine {}");
        Files.delete(paths.learnerFile(exercise(2)));
        Progress progress = Progress.load(paths);
        assertEquals(Progress.State.STARTED, progress.state(exercise(1)));
        assertEquals(Progress.State.STARTED, progress.state(exercise(2)));
        assertEquals(Progress.State.NOT_STARTED, progress.state(exercise(3)));
    }

    @Test
    void aFullGradingWithFullMarksIsDoneAndIsKeptInTheFile() throws IOException {
        Progress.load(paths).record(graded(exercise(0), 2, 2, 2), true);
        assertEquals(List.of(exercise(0).id() + " done 6/6"), fileLines().subList(1, fileLines().size()));
        assertTrue(fileLines().get(0).startsWith("# "), "a comment says what the file is");

        Progress again = Progress.load(paths);
        assertEquals(Progress.State.DONE, again.state(exercise(0)));
        List<String> report = again.report();
        assertEquals("Progress: 1 of " + exercises().size() + " done (kept in .kit-progress)", report.get(0));
        assertEquals(String.format("  %-16s %-12s  last graded 6/6", exercise(0).id(), "done"), report.get(1));
        assertTrue(report.get(report.size() - 1).startsWith("Next: " + exercise(1).id()), report.toString());
    }

    @Test
    void aGradingWithoutFullMarksIsStartedWithItsPoints() throws IOException {
        Progress.load(paths).record(graded(exercise(1), 2, 0, 2), true);
        assertEquals(exercise(1).id() + " graded 4/6", fileLines().get(1));
        Progress again = Progress.load(paths);
        assertEquals(Progress.State.STARTED, again.state(exercise(1)));
        assertEquals(String.format("  %-16s %-12s  last graded 4/6", exercise(1).id(), "started"),
                again.report().get(2));
    }

    @Test
    void aProblemThatStoppedTheChecksIsNoFullMarks() throws IOException {
        ExerciseResult noCompile = new ExerciseResult(exercise(0), "x", List.of(), "does not compile");
        Progress.load(paths).record(noCompile, true);
        assertEquals(exercise(0).id() + " graded 0/0", fileLines().get(1));
        assertEquals(Progress.State.STARTED, Progress.load(paths).state(exercise(0)));
    }

    @Test
    void gradingOnlySomeChecksNeverMakesAnExerciseDone() throws IOException {
        Progress progress = Progress.load(paths);
        progress.record(graded(exercise(0), 2), false);
        assertEquals(Progress.State.STARTED, Progress.load(paths).state(exercise(0)));
        assertEquals(exercise(0).id() + " graded 2/2", fileLines().get(1));
    }

    @Test
    void aDoneExerciseStaysDoneWhenSomeChecksPassAgainButNotWhenOneFails() throws IOException {
        Progress progress = Progress.load(paths);
        progress.record(graded(exercise(0), 2, 2, 2), true);
        progress.record(graded(exercise(0), 2), false);
        assertEquals(exercise(0).id() + " done 6/6", fileLines().get(1), "the full grading's points stay");
        progress.record(graded(exercise(0), 0), false);
        assertEquals(exercise(0).id() + " graded 0/2", fileLines().get(1));
        assertEquals(Progress.State.STARTED, Progress.load(paths).state(exercise(0)));
    }

    @Test
    void theFileListsTheExercisesInTheChaptersOrder() throws IOException {
        Progress progress = Progress.load(paths);
        progress.record(graded(exercise(2), 0), true);
        progress.record(graded(exercise(0), 2), true);
        assertEquals(List.of(exercise(0).id() + " done 2/2", exercise(2).id() + " graded 0/2"),
                fileLines().subList(1, 3));
    }

    @Test
    void linesItCannotReadCountAsNeverGraded() throws IOException {
        Files.write(Progress.file(paths), List.of("# my notes",
                "no-such-exercise done 3/3",
                exercise(0).id() + " done",
                exercise(1).id() + " done 3 of 3",
                exercise(2).id() + " done 5/5 extra",
                exercise(3).id() + "   done   4/4"));
        Progress progress = Progress.load(paths);
        for (int i = 0; i < 3; i++) {
            assertEquals(Progress.State.NOT_STARTED, progress.state(exercise(i)), exercise(i).id());
        }
        assertEquals(Progress.State.DONE, progress.state(exercise(3)), "blanks between the words are fine");
    }

    @Test
    void resetForgetsAnExercise() throws IOException {
        Progress progress = Progress.load(paths);
        progress.record(graded(exercise(0), 2), true);
        progress.record(graded(exercise(1), 2), true);
        progress.forget(exercise(0));
        assertEquals(List.of(exercise(1).id() + " done 2/2"), fileLines().subList(1, fileLines().size()));
        assertEquals(Progress.State.NOT_STARTED, Progress.load(paths).state(exercise(0)));
    }

    @Test
    void nextIsTheFirstNotDoneAfterTheGivenOneWrappingRound() {
        Progress progress = Progress.load(paths);
        Exercise last = exercise(exercises().size() - 1);
        progress.record(graded(exercise(0), 2), true);
        assertEquals(Optional.of(exercise(1)), progress.next(Optional.empty()));
        assertEquals(Optional.of(exercise(1)), progress.next(Optional.of(last)), "after the last comes the first");
        assertEquals(Optional.of(last), progress.next(Optional.of(exercise(exercises().size() - 2))));
    }

    @Test
    void whenAllAreDoneThereIsNoNext() {
        Progress progress = Progress.load(paths);
        for (Exercise e : exercises()) {
            progress.record(graded(e, 2), true);
        }
        assertEquals(Optional.empty(), progress.next(Optional.empty()));
        List<String> report = progress.report();
        assertEquals("Progress: " + exercises().size() + " of " + exercises().size() + " done (kept in .kit-progress)",
                report.get(0));
        assertEquals("All 4 have full marks. Well done!", report.get(report.size() - 1));
    }
}
