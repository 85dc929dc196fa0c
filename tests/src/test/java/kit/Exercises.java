package kit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercises as the grader reads them from exercises/exercises.toml (by running the grader's own reader,
 * grader/kit/grader/layout/ExerciseManifest.java, on this JDK), and README's table of them.
 */
final class Exercises {
    private static final Pattern README_ROW = Pattern.compile(
            "^\\| \\[`([a-z-]+)`\\]\\(exercises/([a-z-]+)\\) \\| (.+?) \\| (\\d+) \\| (\\d+): .+ \\|$",
            Pattern.MULTILINE);

    /** One {@code [[exercise]]} of the manifest. */
    record Exercise(String id, String className, String packageName, String rule) {}

    /** One row of README's table: the exercise, what the learner writes, its points, how many buggy variants. */
    record ReadmeRow(String id, String link, String youWrite, int points, int bugs) {}

    private static List<Exercise> all;

    private Exercises() {}

    static synchronized List<Exercise> all() {
        if (all == null) {
            all = read(Kit.DIR);
        }
        return all;
    }

    /** Runs the grader's manifest reader on the kit in {@code kitDir}; it must succeed. */
    static List<Exercise> read(Path kitDir) {
        Kit.Run run = readManifest(kitDir);
        if (run.exitCode() != 0) {
            throw new AssertionError("the grader cannot read exercises/exercises.toml\n" + run.describe());
        }
        return run.stdout().lines().map(line -> line.split("\t"))
                .map(f -> new Exercise(f[0], f[1], f[2], f[3].equals("-") ? "" : f[3])).toList();
    }

    static Kit.Run readManifest(Path kitDir) {
        return Kit.run(Kit.DIR, Duration.ofMinutes(1), List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "grader/kit/grader/layout/ExerciseManifest.java", kitDir.toString()));
    }

    /** An exercise's full marks, as README's table gives them (GraderTest holds the table to the grader's totals). */
    static int points(String id) {
        try {
            return readmeRows(java.nio.file.Files.readString(Kit.DIR.resolve("README.md"))).stream()
                    .filter(row -> row.id().equals(id)).findFirst().orElseThrow().points();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<ReadmeRow> readmeRows(String readme) {
        Matcher row = README_ROW.matcher(readme);
        List<ReadmeRow> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(new ReadmeRow(row.group(1), row.group(2), row.group(3), Integer.parseInt(row.group(4)),
                    Integer.parseInt(row.group(5))));
        }
        return rows;
    }
}
