package kit.grader.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit as the grader sees it: the exercises of its manifest, their rules, and where each one's files live. */
class KitLayoutTest {
    @TempDir
    Path root;

    private KitLayout load(String toml) throws IOException {
        Files.createDirectories(root.resolve("exercises"));
        Files.writeString(root.resolve("exercises/exercises.toml"), toml);
        return KitLayout.load(root);
    }

    private static final String TWO = """
            [[exercise]]
            id = "stop-flag"
            class = "StoppableWorker"
            package = "stopflag"

            [[exercise]]
            id = "queue"
            class = "ThreadSafeQueue"
            package = "queue"
            rule = "condition-waits"
            """;

    @Test
    void theExercisesOfTheManifestInItsOrderWithTheirRules() throws IOException {
        KitLayout kit = load(TWO);
        assertEquals(List.of("stop-flag", "queue"), kit.exercises().stream().map(Exercise::id).toList());
        assertEquals("stop-flag, queue", kit.ids());
        Exercise queue = kit.exercise("queue").orElseThrow();
        assertEquals("ThreadSafeQueue.java", queue.fileName());
        assertEquals(Rule.named("condition-waits"), queue.rule());
        assertTrue(queue.rule().orElseThrow().points() > 0, "a rule is worth points");
        assertEquals(Optional.empty(), kit.exercise("stop-flag").orElseThrow().rule());
        assertEquals(Optional.empty(), kit.exercise("counter"));
    }

    @Test
    void everyFileOfAnExerciseHasOnePlace() throws IOException {
        KitLayout kit = load(TWO);
        Exercise queue = kit.exercise("queue").orElseThrow();
        assertEquals(root.resolve("exercises/queue/ThreadSafeQueue.java"), kit.learnerFile(queue));
        assertEquals(root.resolve("exercises/queue/README.md"), kit.readme(queue));
        assertEquals(root.resolve("exercises/queue/HINTS.md"), kit.hints(queue));
        assertEquals(root.resolve("solutions/queue"), kit.solutionDir(queue));
        assertEquals(root.resolve("grader/checks/queue"), kit.checksDir(queue));
        assertEquals(root.resolve("grader/stress/queue"), kit.stressTestsDir(queue));
        assertEquals(root.resolve("grader/starters/queue/ThreadSafeQueue.java"), kit.starter(queue));
        assertEquals(root.resolve("results/stress-queue"), kit.stressReportDir(Optional.of(queue)));
        assertEquals(root.resolve("results/stress-all"), kit.stressReportDir(Optional.empty()));
        assertEquals("exercises/queue/README.md", kit.show(kit.readme(queue)));
        assertEquals(Path.of("/elsewhere/x.java").toAbsolutePath().toString(), kit.show(Path.of("/elsewhere/x.java")));
    }

    @Test
    void aRuleTheGraderDoesNotDefineIsToldInOneLine() {
        GraderException e = assertThrows(GraderException.class, () -> load(TWO.replace("condition-waits",
                "no-sleeping")));
        assertTrue(e.getMessage().startsWith(ExerciseManifest.PATH + ": the exercise queue names the rule "
                + "'no-sleeping', which grader/kit/grader/layout/Rule.java does not define; its rules are "),
                e.getMessage());
        assertTrue(e.getMessage().contains("condition-waits"), "it lists the rules there are: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aBrokenManifestIsAGraderErrorNotAStackTrace() {
        GraderException e = assertThrows(GraderException.class, () -> load("[[exercise]]\nid = counter\n"));
        assertEquals(ExerciseManifest.PATH + ":2: expected [[exercise]] or key = \"value\", found: id = counter",
                e.getMessage());
    }

    @Test
    void theLearnersFileIsUntouchedWhenItIsTheStarterLineEndingsAside() throws IOException {
        KitLayout kit = load(TWO);
        Exercise queue = kit.exercise("queue").orElseThrow();
        Files.createDirectories(kit.starter(queue).getParent());
        Files.writeString(kit.starter(queue), "class ThreadSafeQueue {\n}\n");
        assertTrue(!Starters.untouched(kit, queue), "no learner's file: started (or deleted)");
        Files.createDirectories(kit.learnerFile(queue).getParent());
        Files.writeString(kit.learnerFile(queue), "class ThreadSafeQueue {\r\n}\r\n");
        assertTrue(Starters.untouched(kit, queue));
        Files.writeString(kit.learnerFile(queue), "class ThreadSafeQueue {\n  int size;\n}\n");
        assertTrue(!Starters.untouched(kit, queue));
    }
}
