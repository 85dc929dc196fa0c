import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grades a class that a learner wrote in a notebook cell with the kit's own grader - the same checks and points as
 * {@code ./jbang grade <exercise>}: writes the source into {@code results/notebook-<exercise>/} in the kit (git
 * ignores results/) and runs {@code ./jbang grade <exercise> --dir results/notebook-<exercise>} as a child process
 * (needs {@link OneLiner}); its verdict, points and feedback appear in the cell. A folder in the kit, not a temporary
 * one, so that the report names the same file on every machine. Your exercises/ folder is not touched.
 */
final class GradeCell {
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^\\s*public\\s+(?:final\\s+)?class\\s+(\\w+)");

    private GradeCell() {}

    /** Grades {@code source}, the text of the exercise's class; the grader's report appears in the cell. */
    static void exercise(String exercise, String source) throws IOException, InterruptedException {
        Matcher name = CLASS_NAME.matcher(source);
        if (!name.find()) {
            throw new IllegalArgumentException("no `public class <Name>` in the source to grade");
        }
        String relative = "results/notebook-" + exercise;
        Path folder = OneLiner.KIT.resolve(relative);
        delete(folder); // what an interrupted grading may have left
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name.group(1) + ".java"), source);
        OneLiner.Result graded;
        try {
            graded = OneLiner.exec("grade", exercise, "--dir", relative);
        } finally { // the cell keeps the source: the graded copy is not needed any more
            delete(folder);
        }
        if (graded.exitCode() > 1) { // 0: full marks, 1: points lost; anything else: the grader could not grade
            throw new IllegalStateException("the grader could not grade it (exit code " + graded.exitCode() + ")");
        }
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
