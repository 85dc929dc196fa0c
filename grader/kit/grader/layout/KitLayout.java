package kit.grader.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kit as the grader sees it: its root folder and its exercises, in the order of exercises/exercises.toml - and
 * every rule of where an exercise's files live, in this one place. Loaded once per command ({@link #find()}): a kit
 * that cannot be found or a manifest that cannot be read is told in one line.
 */
public record KitLayout(Path root, List<Exercise> exercises) {

    /** The kit around the working directory (the folder, here or above, with grader/Grade.java and exercises/). */
    public static KitLayout find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("grader/Grade.java")) && Files.isDirectory(dir.resolve("exercises"))) {
                return load(dir);
            }
        }
        throw new UsageException("run the grader inside the kit (a folder with grader/ and exercises/); "
                + "the working directory " + Path.of("").toAbsolutePath() + " is not in one");
    }

    /** The kit in {@code root}, with the exercises its manifest lists. */
    public static KitLayout load(Path root) {
        try {
            return new KitLayout(root, ExerciseManifest.read(root).stream().map(entry -> new Exercise(entry.id(),
                    entry.className(), entry.packageName(), rule(entry))).toList());
        } catch (IllegalArgumentException e) {
            throw new GraderException(e.getMessage());
        }
    }

    private static Optional<Rule> rule(ExerciseManifest.Entry entry) {
        if (entry.rule().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Rule.named(entry.rule()).orElseThrow(() -> new IllegalArgumentException(
                ExerciseManifest.PATH + ": the exercise " + entry.id() + " names the rule '" + entry.rule()
                        + "', which grader/kit/grader/layout/Rule.java does not define; its rules are "
                        + Rule.names())));
    }

    public Optional<Exercise> exercise(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The exercises' ids, for a message that lists them. */
    public String ids() {
        return String.join(", ", exercises.stream().map(Exercise::id).toList());
    }

    /** {@code exercises/<id>/}: the learner's files, README.md and HINTS.md. */
    public Path exerciseDir(Exercise exercise) {
        return root.resolve("exercises").resolve(exercise.id());
    }

    /** {@code exercises/<id>/<Class>.java}: the file the learner edits. */
    public Path learnerFile(Exercise exercise) {
        return exerciseDir(exercise).resolve(exercise.fileName());
    }

    public Path readme(Exercise exercise) {
        return exerciseDir(exercise).resolve("README.md");
    }

    public Path hints(Exercise exercise) {
        return exerciseDir(exercise).resolve("HINTS.md");
    }

    /** {@code solutions/<id>/}: the reference solution. */
    public Path solutionDir(Exercise exercise) {
        return root.resolve("solutions").resolve(exercise.id());
    }

    /** {@code grader/checks/<id>/}: the exercise's checks. */
    public Path checksDir(Exercise exercise) {
        return root.resolve("grader/checks").resolve(exercise.id());
    }

    /** {@code grader/stress/<id>/}: the exercise's jcstress tests. */
    public Path stressTestsDir(Exercise exercise) {
        return root.resolve("grader/stress").resolve(exercise.id());
    }

    /** {@code grader/starters/<id>/<Class>.java}: the starter file as the kit ships it. */
    public Path starter(Exercise exercise) {
        return root.resolve("grader/starters").resolve(exercise.id()).resolve(exercise.fileName());
    }

    /** {@code backups/<id>/}: where {@code ./jbang reset} keeps the learner's files. */
    public Path backupsDir(Exercise exercise) {
        return root.resolve("backups").resolve(exercise.id());
    }

    /** {@code results/stress-<id>/} (or {@code results/stress-all/} for a run of all): jcstress's HTML report. */
    public Path stressReportDir(Optional<Exercise> exercise) {
        return root.resolve("results").resolve("stress-" + exercise.map(Exercise::id).orElse("all"));
    }

    /** A path as the user should read it: relative to the kit when inside it. */
    public String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    /** The {@code .java} files directly in {@code dir}, sorted; none when it is not a folder. */
    public static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
