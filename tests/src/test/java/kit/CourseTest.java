package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graders as a course runs them: Gradescope's autograder zip and GitHub Classroom's autograding step, each fed
 * a broken submission (it must lose points, with feedback) and the reference solution (full marks).
 */
class CourseTest {
    private static final Variant BUGGY_COUNTER =
            Variant.read(Kit.DIR.resolve("tests/buggy/counter/unguarded-field.patch"));
    private static final Path SOLUTION_COUNTER = Kit.DIR.resolve("solutions/counter/ThreadSafeCounter.java");
    private static final Path FORGING_COUNTER = Kit.DIR.resolve(
            "tests/submissions/counter/writes-results-file/ThreadSafeCounter.java");

    @Test
    void gradescopeAutograderScoresASubmission(@TempDir Path root) throws IOException {
        installAutograder(root);
        Path buggyDir = BUGGY_COUNTER.materialise(Kit.DIR, root.resolve("buggy"));
        JsonObject buggy = gradescope(root, buggyDir.resolve(BUGGY_COUNTER.targetFile()));
        assertTrue(buggy.get("score").getAsDouble() < maxScore(buggy), "a racy counter must lose points: " + buggy);
        assertTrue(buggy.getAsJsonArray("tests").asList().stream()
                .anyMatch(test -> test.getAsJsonObject().get("status").getAsString().equals("failed")
                        && !test.getAsJsonObject().get("output").getAsString().isBlank()), buggy::toString);

        JsonObject solved = gradescope(root, SOLUTION_COUNTER);
        assertEquals(maxScore(solved), solved.get("score").getAsDouble(), solved::toString);
    }

    /**
     * A learner's second file of the package (Cell.java beside ThreadSafeCounter.java) is graded by Gradescope as by
     * {@code ./jbang grade}, which compiles every .java file of the folder: a correct class gets full marks (it got 0,
     * "cannot find symbol: class Cell", when only the named file was copied), and a wrong one the same points as
     * locally - the same checks fail.
     */
    @Test
    void gradescopeGradesTheLearnersOtherFilesAsTheLocalGraderDoes(@TempDir Path root) throws IOException {
        installAutograder(root);
        Variant correct = Variant.read(Kit.DIR.resolve("tests/correct/counter/count-in-a-second-file.patch"));
        JsonObject solved = gradescopeFolder(root, correct.materialise(Kit.DIR, root.resolve("correct")), correct);
        assertEquals(maxScore(solved), solved.get("score").getAsDouble(), solved::toString);

        Variant buggy = Variant.read(Kit.DIR.resolve(
                "tests/buggy/counter/count-in-a-second-file-without-the-lock.patch"));
        Path buggyDir = buggy.materialise(Kit.DIR, root.resolve("buggy"));
        JsonObject graded = gradescopeFolder(root, buggyDir, buggy);
        Kit.Run local = Kit.jbang(Duration.ofMinutes(3), "grade", "counter", "--dir", buggyDir.toString());
        Matcher total = Pattern.compile("^counter: (\\d+)/(\\d+) points", Pattern.MULTILINE).matcher(local.stdout());
        assertTrue(total.find(), local.describe());
        assertEquals(Double.parseDouble(total.group(1)), graded.get("score").getAsDouble(),
                "the same points as ./jbang grade gives: " + graded + "\n" + local.describe());
        for (String check : buggy.values("CAUGHT-BY")) {
            assertTrue(graded.getAsJsonArray("tests").asList().stream().map(JsonElement::getAsJsonObject)
                    .anyMatch(test -> test.get("name").getAsString().contains(check)
                            && test.get("status").getAsString().equals("failed")), check + ": " + graded);
        }
    }

    /**
     * A static initializer that writes its own results.json, a file beside it and a file into the kit achieves
     * nothing: the grader refuses a class that uses files before it runs (kit.grader.host.ForbiddenApis), and the
     * grader's results stand. (Had it run, it would have run as the unprivileged user, who cannot write those
     * folders; the test's root folder is open to everyone, as /autograder is.)
     */
    @Test
    void gradescopeNeverRunsASubmissionThatWritesFiles(@TempDir Path root) throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        installAutograder(root);
        JsonObject result = gradescope(root, FORGING_COUNTER);
        assertFalse(Files.exists(root.resolve("results/forged-by-submission")), "the results folder was written");
        assertFalse(Files.exists(root.resolve("source/kit/forged-by-submission")), "the kit was written");
        assertTrue(result.getAsJsonArray("tests").size() > 1, "the grader's own results: " + result);
        assertEquals(0.0, result.get("score").getAsDouble(), "refused, so no points: " + result);
        assertTrue(result.toString().contains("Your code uses Java APIs that no exercise needs"), result::toString);
    }

    @Test
    void gradescopeExplainsAMissingFile(@TempDir Path root) throws IOException {
        Path kit = Files.createDirectories(root.resolve("source"));
        Files.writeString(kit.resolve("exercise-id"), "counter\n");
        Files.createSymbolicLink(kit.resolve("kit"), Kit.DIR);
        Files.createDirectories(root.resolve("submission"));
        Files.writeString(root.resolve("submission/Counter.java"), "class Counter {}");
        JsonObject result = runAutograder(root);
        assertEquals(0.0, result.get("score").getAsDouble());
        assertTrue(result.get("output").getAsString().contains("ThreadSafeCounter.java"), result::toString);
    }

    @Test
    void githubClassroomStepReportsPartialCredit(@TempDir Path dir) throws IOException {
        Path output = dir.resolve("github-output");
        Kit.Run run = Kit.run(Kit.DIR, Duration.ofMinutes(3),
                List.of("env", "GITHUB_OUTPUT=" + output, "course/github-classroom/grade-step", "counter"));
        assertEquals(0, run.exitCode(), "the step always succeeds; the reporter decides: " + run.describe());
        String line = Files.readString(output).strip();
        assertTrue(line.startsWith("result="), line);
        JsonObject result = JsonParser.parseString(new String(
                Base64.getDecoder().decode(line.substring("result=".length())), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals(1, result.get("version").getAsInt(), result::toString);
        assertTrue(result.get("max_score").getAsInt() > 0, result::toString);
        // The starter in exercises/counter is not implemented yet, so it fails.
        assertEquals("fail", result.get("status").getAsString(), result::toString);
        assertTrue(result.getAsJsonArray("tests").size() > 1, "one entry per check: " + result);
    }

    /** Builds the autograder zip for counter and unpacks it where Gradescope does: {@code root/source}. */
    private static void installAutograder(Path root) {
        Path zip = root.resolve("autograder.zip");
        Kit.Run build = Kit.run(Kit.DIR, Duration.ofMinutes(1),
                List.of("course/gradescope/build-autograder", "counter", zip.toString()));
        assertEquals(0, build.exitCode(), build::describe);
        Path source = root.resolve("source");
        Kit.Run unzip = Kit.run(Kit.DIR, Duration.ofMinutes(1), List.of("unzip", "-q", zip.toString(), "-d",
                source.toString()));
        assertEquals(0, unzip.exitCode(), unzip::describe);
    }

    private static JsonObject gradescope(Path root, Path submittedFile) throws IOException {
        Path submission = root.resolve("submission");
        Files.createDirectories(submission);
        Files.copy(submittedFile, submission.resolve(submittedFile.getFileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String before = Files.readString(submission.resolve(submittedFile.getFileName()));
        JsonObject result = runAutograder(root);
        assertEquals(before, Files.readString(submission.resolve(submittedFile.getFileName())),
                "the submission must not be modified");
        return result;
    }

    /** Submits every file of {@code dir} (the variant's files) at once, into an emptied submission folder. */
    private static JsonObject gradescopeFolder(Path root, Path dir, Variant variant) throws IOException {
        Path submission = root.resolve("submission");
        if (Files.isDirectory(submission)) {
            try (Stream<Path> old = Files.list(submission)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(submission);
        List<String> names = new ArrayList<>(variant.addedFiles().keySet());
        names.add(variant.targetFile());
        for (String name : names) {
            Files.copy(dir.resolve(name), submission.resolve(name));
        }
        return runAutograder(root);
    }

    private static JsonObject runAutograder(Path root) throws IOException {
        Kit.Run run = Kit.run(Kit.DIR, Duration.ofMinutes(3), List.of("env", "AUTOGRADER_ROOT=" + root,
                root.resolve("source/kit/course/gradescope/run_autograder").toString()));
        assertEquals(0, run.exitCode(), run::describe);
        return JsonParser.parseString(Files.readString(root.resolve("results/results.json"))).getAsJsonObject();
    }

    private static double maxScore(JsonObject result) {
        return result.getAsJsonArray("tests").asList().stream()
                .mapToDouble(test -> test.getAsJsonObject().get("max_score").getAsDouble()).sum();
    }
}
