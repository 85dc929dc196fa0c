package kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kit's Java reads the same in every editor and in a side-by-side diff: no line over 120 columns, no tab, no
 * space at a line's end. Every {@code .java} file of the kit is held to it: the grader, its checks and jcstress tests,
 * snippets, solutions, starters, notebooks' helpers and the tests themselves.
 */
class JavaFormattingTest {
    private static final int MAX_COLUMNS = 120;
    private static final List<String> SKIPPED = List.of("target", ".git", "backups", "results", "node_modules");
    /** A variant's or alternative's header is one line by its format (CONTRIBUTING.md): its length is its text's. */
    private static final Pattern HEADER = Pattern.compile("// (BUG|CORRECT|CAUGHT-BY|STRESS-CAUGHT-BY): .*");

    @Test
    void noLineIsLongerThan120ColumnsAndNoneHasTabsOrTrailingSpaces() {
        List<Path> files = javaFiles();
        assertTrue(files.size() > 100 && files.contains(Kit.DIR.resolve("grader/Grade.java")),
                "found the kit's Java files: " + files.size());
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = Kit.DIR.relativize(file) + ":" + (i + 1) + ": ";
                if (line.codePointCount(0, line.length()) > MAX_COLUMNS && !HEADER.matcher(line).matches()) {
                    problems.add(where + line.length() + " columns (at most " + MAX_COLUMNS + ")");
                }
                if (line.indexOf('\t') >= 0) {
                    problems.add(where + "a tab (indent with spaces)");
                }
                if (!line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
                    problems.add(where + "spaces at the end of the line");
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " lines to fix:\n" + String.join("\n", problems));
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(Kit.DIR)) {
            return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                    .filter(f -> SKIPPED.stream().noneMatch(skip -> Kit.DIR.relativize(f).toString().startsWith(skip)
                            || Kit.DIR.relativize(f).toString().contains("/" + skip + "/")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
