package kit.grader.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Where the kit's folders are: found from the working directory upwards (the folder with grader/Grade.java). */
public record KitPaths(Path root) {

    public static KitPaths find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("grader/Grade.java")) && Files.isDirectory(dir.resolve("exercises"))) {
                return new KitPaths(dir);
            }
        }
        throw new UsageException("run the grader inside the kit (a folder with grader/ and exercises/); "
                + "the working directory " + Path.of("").toAbsolutePath() + " is not in one");
    }

    public Path exercises(Exercise exercise) {
        return root.resolve("exercises").resolve(exercise.id());
    }

    public Path solutions(Exercise exercise) {
        return root.resolve("solutions").resolve(exercise.id());
    }

    public Path checks(Exercise exercise) {
        return root.resolve("grader/checks").resolve(exercise.id());
    }

    /** A path as the user should read it: relative to the kit when inside it. */
    public String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

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
