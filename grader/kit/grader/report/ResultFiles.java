package kit.grader.report;

import kit.grader.host.CheckResult;
import kit.grader.host.ExerciseResult;
import kit.grader.layout.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable results: Gradescope's results.json and GitHub Classroom's autograding reporter input. */
public final class ResultFiles {
    private ResultFiles() {}

    /** Gradescope's results.json: score, max_score, and one entry per check. */
    public static void writeGradescope(Path file, List<ExerciseResult> exercises) {
        List<Object> tests = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        for (ExerciseResult exercise : exercises) {
            if (!exercise.problem().isEmpty()) {
                problems.append(exercise.exercise().id()).append(": ").append(exercise.problem()).append("\n\n");
            }
            for (CheckResult check : exercise.checks()) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", testName(exercises, exercise, check));
                test.put("score", check.score());
                test.put("max_score", check.maxScore());
                test.put("status", check.passed() ? "passed" : "failed");
                test.put("output", check.passed() || exercise.problem().isEmpty() ? check.output()
                        : exercise.problem());
                test.put("visibility", "visible");
                tests.add(test);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", exercises.stream().mapToInt(ExerciseResult::score).sum());
        results.put("max_score", exercises.stream().mapToInt(ExerciseResult::maxScore).sum());
        results.put("output", problems.toString().strip());
        results.put("visibility", "visible");
        results.put("stdout_visibility", "visible");
        results.put("tests", tests);
        write(file, Json.write(results), false);
    }

    /**
     * GitHub Classroom: the autograding reporter action reads, per runner, a base64-encoded JSON (version, status,
     * max_score, tests with name, status, score, message) from an environment variable {@code <RUNNER>_RESULTS}.
     * This writes it as the step output {@code result} (to $GITHUB_OUTPUT when set, else to stdout).
     */
    public static void writeClassroom(List<ExerciseResult> exercises) {
        List<Object> tests = new ArrayList<>();
        for (ExerciseResult exercise : exercises) {
            for (CheckResult check : exercise.checks()) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", testName(exercises, exercise, check));
                test.put("status", check.passed() ? "pass" : "fail");
                test.put("score", check.score());
                test.put("max_score", check.maxScore());
                test.put("message", check.passed() || exercise.problem().isEmpty() ? check.output()
                        : exercise.problem());
                tests.add(test);
            }
        }
        boolean full = exercises.stream().allMatch(ExerciseResult::fullMarks);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("version", 1);
        results.put("status", full ? "pass" : "fail");
        results.put("max_score", exercises.stream().mapToInt(ExerciseResult::maxScore).sum());
        results.put("tests", tests);
        String line = "result=" + Base64.getEncoder().encodeToString(
                Json.write(results).getBytes(StandardCharsets.UTF_8)) + "\n";
        String githubOutput = System.getenv("GITHUB_OUTPUT");
        if (githubOutput != null && !githubOutput.isBlank()) {
            write(Path.of(githubOutput), line, true);
        } else {
            System.out.print(line);
        }
    }

    private static String testName(List<ExerciseResult> all, ExerciseResult exercise, CheckResult check) {
        return all.size() == 1 ? check.name() : exercise.exercise().id() + ": " + check.name();
    }

    private static void write(Path file, String text, boolean append) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
