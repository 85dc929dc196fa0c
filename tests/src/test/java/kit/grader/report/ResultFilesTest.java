package kit.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kit.grader.host.CheckResult;
import kit.grader.host.ExerciseResult;
import kit.grader.layout.Exercise;
import kit.grader.layout.UsageException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result files an instructor's platform reads: Gradescope's results.json (its documented keys: score, max_score,
 * output, visibility, stdout_visibility, tests with name, score, max_score, status, output, visibility) and GitHub
 * Classroom's reporter input (base64 of version, status, max_score, tests with name, status, score, message).
 */
class ResultFilesTest {
    @TempDir
    Path dir;

    private static final Exercise COUNTER = exercise("counter");
    private static final Exercise LIST = exercise("list");

    private static Exercise exercise(String id) {
        return new Exercise(id, "Unused", id.replace("-", ""), Optional.empty());
    }

    private static final ExerciseResult COUNTER_HALF = new ExerciseResult(COUNTER, "exercises/counter", List.of(
            new CheckResult("A new counter is 0", 1, 1, true, ""),
            CheckResult.failed("2 threads x 10,000 increments: no update is lost", 3,
                    "value 13,412, expected 20,000 - \"updates\" were lost\n\tat C:\\kit\\x")), "");

    private static final ExerciseResult LIST_NO_COMPILE = new ExerciseResult(LIST, "exercises/list", List.of(
            CheckResult.failed("no lost appends", 2, ""),
            CheckResult.failed("add it only once", 3, "")), "ThreadSafeList.java:3: error: ';' expected");

    private JsonObject gradescope(List<ExerciseResult> results) throws IOException {
        Path file = dir.resolve("results/results.json");
        ResultFiles.writeGradescope(file, results);
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static Set<String> keys(JsonObject object) {
        return new TreeSet<>(object.keySet());
    }

    @Test
    void gradescopeGetsTheTotalsAndOneVisibleTestPerCheck() throws IOException {
        JsonObject results = gradescope(List.of(COUNTER_HALF));
        assertEquals(Set.of("score", "max_score", "output", "visibility", "stdout_visibility", "tests"),
                keys(results));
        assertEquals(1, results.get("score").getAsInt());
        assertEquals(4, results.get("max_score").getAsInt());
        assertEquals("visible", results.get("visibility").getAsString());
        assertEquals("", results.get("output").getAsString());
        JsonArray tests = results.getAsJsonArray("tests");
        assertEquals(2, tests.size());
        JsonObject passed = tests.get(0).getAsJsonObject();
        assertEquals(Set.of("name", "score", "max_score", "status", "output", "visibility"), keys(passed));
        assertEquals("A new counter is 0", passed.get("name").getAsString());
        assertEquals("passed", passed.get("status").getAsString());
        JsonObject failed = tests.get(1).getAsJsonObject();
        assertEquals("2 threads x 10,000 increments: no update is lost", failed.get("name").getAsString(),
                "one exercise: the check's name alone");
        assertEquals(0, failed.get("score").getAsInt());
        assertEquals(3, failed.get("max_score").getAsInt());
        assertEquals("failed", failed.get("status").getAsString());
        assertEquals("value 13,412, expected 20,000 - \"updates\" were lost\n\tat C:\\kit\\x",
                failed.get("output").getAsString(), "quotes, backslashes, newlines and tabs survive");
    }

    @Test
    void gradescopeWithSeveralExercisesNamesEachAndShowsAProblemInPlaceOfTheChecksOutput() throws IOException {
        JsonObject results = gradescope(List.of(COUNTER_HALF, LIST_NO_COMPILE));
        assertEquals(1, results.get("score").getAsInt());
        assertEquals(9, results.get("max_score").getAsInt());
        assertEquals("list: ThreadSafeList.java:3: error: ';' expected", results.get("output").getAsString());
        JsonArray tests = results.getAsJsonArray("tests");
        assertEquals(4, tests.size());
        assertEquals("counter: A new counter is 0", tests.get(0).getAsJsonObject().get("name").getAsString());
        JsonObject notRun = tests.get(3).getAsJsonObject();
        assertEquals("list: add it only once", notRun.get("name").getAsString());
        assertEquals("ThreadSafeList.java:3: error: ';' expected", notRun.get("output").getAsString());
    }

    @Test
    void gradescopeFileIsReplacedNotAppendedTo() throws IOException {
        gradescope(List.of(COUNTER_HALF, LIST_NO_COMPILE));
        JsonObject results = gradescope(List.of(COUNTER_HALF)); // parsing fails if two documents were left
        assertEquals(2, results.getAsJsonArray("tests").size());
    }

    @Test
    void aFolderThatCannotBeMadeIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> ResultFiles.writeGradescope(file.resolve("results.json"), List.of(COUNTER_HALF)));
        assertTrue(e.getMessage().startsWith("cannot write "), e.getMessage());
    }

    @Test
    void classroomGetsBase64OfItsReportersJson() {
        Assumptions.assumeTrue(System.getenv("GITHUB_OUTPUT") == null,
                "in a GitHub Actions step the result goes to $GITHUB_OUTPUT, which this test must not write to");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ResultFiles.writeClassroom(List.of(COUNTER_HALF, LIST_NO_COMPILE));
        } finally {
            System.setOut(stdout);
        }
        String line = captured.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("result=") && line.endsWith("\n") && line.lines().count() == 1, line);
        JsonObject results = JsonParser.parseString(new String(Base64.getDecoder().decode(line.strip()
                .substring("result=".length())), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(Set.of("version", "status", "max_score", "tests"), keys(results));
        assertEquals(1, results.get("version").getAsInt());
        assertEquals("fail", results.get("status").getAsString());
        assertEquals(9, results.get("max_score").getAsInt());
        JsonArray tests = results.getAsJsonArray("tests");
        assertEquals(4, tests.size());
        for (JsonElement test : tests) {
            assertEquals(Set.of("name", "status", "score", "max_score", "message"), keys(test.getAsJsonObject()));
        }
        JsonObject first = tests.get(0).getAsJsonObject();
        assertEquals("counter: A new counter is 0", first.get("name").getAsString());
        assertEquals("pass", first.get("status").getAsString());
        assertEquals(1, first.get("score").getAsInt());
        assertEquals("ThreadSafeList.java:3: error: ';' expected",
                tests.get(2).getAsJsonObject().get("message").getAsString());
    }
}
