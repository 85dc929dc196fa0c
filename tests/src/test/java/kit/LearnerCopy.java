package kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A learner's clone in a temporary folder: the kit's grader/ and exercises/, so that tests may edit exercises and
 * leave progress files without touching the kit. The grader script itself runs from the kit (same JBang cache),
 * with the copy as its working directory, which is how the grader finds the exercises.
 */
record LearnerCopy(Path root) {

    static LearnerCopy create() {
        try {
            Path root = Files.createTempDirectory("kit-learner-");
            for (String dir : List.of("grader", "exercises")) {
                copyTree(Kit.DIR.resolve(dir), root.resolve(dir));
            }
            return new LearnerCopy(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ./jbang grader/Grade.java args...} here: the grade alias; watch, progress, reset add their word. */
    Kit.Run grader(Duration timeout, String... args) {
        return Kit.run(root, timeout, command(args));
    }

    List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Kit.DIR.resolve("jbang").toString(),
                Kit.DIR.resolve("grader").resolve("Grade.java").toString()));
        command.addAll(List.of(args));
        return command;
    }

    Path exerciseFile(String id, String className) {
        return root.resolve("exercises").resolve(id).resolve(className + ".java");
    }

    /** Puts the reference solution where the learner's file is, as a learner's save would. */
    void solve(String id, String className) {
        try {
            Files.copy(Kit.DIR.resolve("solutions").resolve(id).resolve(className + ".java"),
                    exerciseFile(id, className), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** Copies a file or a folder with all it holds (keeping permissions: ./jbang stays executable). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
