package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Progress survives from one run to the next (.kit-progress, written by every grading of the learner's files), and
 * {@code reset} puts the starter file back while keeping the learner's version in a backup it names.
 */
class ProgressAndResetTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private final LearnerCopy learner = LearnerCopy.create();

    @AfterEach
    void deleteCopy() {
        learner.delete();
    }

    @Test
    void aGradingIsRecordedAndANewRunShowsItAndNamesTheNextExercise() {
        Kit.Run fresh = learner.grader(TIMEOUT, "progress");
        assertEquals(0, fresh.exitCode(), fresh::describe);
        assertTrue(fresh.stdout().contains("Progress: 0 of 7 done"), fresh::describe);
        assertTrue(fresh.stdout().contains("Next: counter"), fresh::describe);

        learner.solve("stop-flag", "StoppableWorker");
        Kit.Run graded = learner.grader(TIMEOUT, "stop-flag");
        assertEquals(0, graded.exitCode(), graded::describe);
        assertTrue(Files.isRegularFile(learner.root().resolve(".kit-progress")), "the grading wrote .kit-progress");
        Kit.Run later = learner.grader(TIMEOUT, "progress");
        assertTrue(later.stdout().contains("Progress: 1 of 7 done"), later::describe);
        int full = Exercises.points("stop-flag");
        assertTrue(later.stdout().matches("(?s).*stop-flag +done +last graded " + full + "/" + full + ".*"),
                later::describe);
        assertTrue(later.stdout().matches("(?s).*counter +not started.*"), later::describe);
        assertTrue(later.stdout().contains("Next: counter"), later::describe);
    }

    @Test
    void resetRestoresTheStarterAndKeepsTheLearnersVersion() throws Exception {
        Path file = learner.exerciseFile("counter", "ThreadSafeCounter");
        String starter = learner.read(file);
        String mine = starter + "\n// my attempt\n";
        Files.writeString(file, mine);
        Kit.Run started = learner.grader(TIMEOUT, "progress");
        assertTrue(started.stdout().matches("(?s).*counter +started.*"), "an edited file is started\n"
                + started.describe());

        Kit.Run reset = learner.grader(TIMEOUT, "reset", "counter");
        assertEquals(0, reset.exitCode(), reset::describe);
        assertEquals(starter, learner.read(file), "the starter file is back");
        Matcher named = Pattern.compile("Your version is kept in (\\S+)").matcher(reset.stdout());
        assertTrue(named.find(), reset::describe);
        Path backup = learner.root().resolve(named.group(1));
        assertEquals(mine, learner.read(backup), "the backup is the learner's file, whole");
        assertEquals("ThreadSafeCounter.java", backup.getFileName().toString(), "the backup keeps its name");

        Kit.Run again = learner.grader(TIMEOUT, "reset", "counter");
        assertEquals(0, again.exitCode(), again::describe);
        assertTrue(again.stdout().contains("already the starter file"), again::describe);
        assertEquals(mine, learner.read(backup), "a second reset leaves the backup alone");

        Kit.Run unknown = learner.grader(TIMEOUT, "reset", "countr");
        assertEquals(2, unknown.exitCode(), unknown::describe);
        assertEquals(1, unknown.stderr().strip().lines().filter(l -> !l.startsWith("[jbang]")).count(),
                "one line for a wrong id\n" + unknown.describe());
    }

    /**
     * reset works without git (a downloaded zip, a copied folder), so the kit keeps the starters as shipped in
     * grader/starters/: exactly the exercises' files, byte for byte, and nothing else.
     */
    @Test
    void theKitKeepsACopyOfEachStarterFileForReset() throws Exception {
        List<String> expected = new ArrayList<>();
        for (Exercises.Exercise exercise : Exercises.all()) {
            String file = exercise.id() + "/" + exercise.className() + ".java";
            expected.add(file);
            Path starter = Kit.DIR.resolve("exercises").resolve(file);
            Path copy = Kit.DIR.resolve("grader/starters").resolve(file);
            assertTrue(Files.isRegularFile(copy) && Files.mismatch(starter, copy) == -1, "grader/starters/" + file
                    + " must equal the starter exercises/" + file + ": copy it there");
        }
        try (Stream<Path> files = Files.walk(Kit.DIR.resolve("grader/starters"))) {
            assertEquals(expected.stream().sorted().toList(), files.filter(Files::isRegularFile)
                    .map(f -> Kit.DIR.resolve("grader/starters").relativize(f).toString().replace('\\', '/'))
                    .sorted().toList(), "grader/starters/ holds the starter of each exercise and nothing else");
        }
    }
}
