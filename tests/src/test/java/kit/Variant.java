package kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A variant of an exercise's class stored as its change: {@code tests/buggy/<id>/<variant>.patch} (a typical mistake)
 * or {@code tests/correct/<id>/<name>.patch} (another correct design), a unified diff against its base - the
 * reference solution {@code solutions/<id>/<Class>.java}, or a correct alternative kept whole,
 * {@code tests/correct/<id>/<other>/<Class>.java}, as its {@code --- a/} line names. The text before the diff is the
 * variant's header ({@code BUG: ...} and {@code CAUGHT-BY: ...}, or {@code CORRECT: ...}); the diff is applied here, in
 * Java, to a copy of the base, strictly: a hunk whose context or removed lines are no longer in the base fails with the
 * variant's name, so a change of a solution reaches every variant or stops the tests.
 *
 * <p>For a human: {@code ./jbang tests/src/test/java/kit/Variant.java DIR tests/buggy/queue/no-signal.patch} writes the
 * variant's files into DIR (see tools/variants/grade, which grades one).
 */
public record Variant(Path patch, String exercise, String name, List<String> header, String base, String targetFile,
        List<String> diff, Map<String, List<String>> addedFiles) {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");
    private static final String NEW_FILE = "/dev/null";

    /**
     * Reads {@code <kit>/tests/<kind>/<id>/<variant>.patch}: the diff of the exercise's class, then, for a variant
     * that spans more files of the package (a learner's second file, e.g. {@code Cell.java}), one new-file diff
     * ({@code --- /dev/null}) for each.
     */
    public static Variant read(Path patch) {
        List<String> lines = readLines(patch);
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith("--- ")) {
            start++;
        }
        if (start + 1 >= lines.size() || !lines.get(start + 1).startsWith("+++ ")) {
            throw new IllegalStateException(patch + ": no unified diff (a '--- ' line followed by '+++ ') after the "
                    + "header; make it with tools/variants/to-patch");
        }
        String base = lines.get(start).substring(4).strip().replaceFirst("\\s.*$", "").replaceFirst("^a/", "");
        String target = lines.get(start + 1).substring(4).strip().replaceFirst("\\s.*$", "");
        int end = endOfFileDiff(patch, lines, start + 2);
        Map<String, List<String>> added = new LinkedHashMap<>();
        for (int at = end; at < lines.size(); ) {
            if (!lines.get(at).equals("--- " + NEW_FILE) || at + 2 >= lines.size()
                    || !lines.get(at + 1).startsWith("+++ ")) {
                throw new IllegalStateException(patch + ":" + (at + 1) + ": after the class's diff, only new files"
                        + " ('--- " + NEW_FILE + "', '+++ b/<file>', one hunk of added lines); found '"
                        + lines.get(at) + "'");
            }
            String file = lines.get(at + 1).substring(4).strip().replaceFirst("\\s.*$", "");
            int next = endOfFileDiff(patch, lines, at + 2);
            added.put(file.substring(file.lastIndexOf('/') + 1), lines.subList(at + 3, next).stream()
                    .filter(l -> !l.startsWith("\\")).map(l -> l.substring(1)).toList());
            at = next;
        }
        String fileName = patch.getFileName().toString();
        return new Variant(patch, patch.getParent().getFileName().toString(),
                fileName.substring(0, fileName.length() - ".patch".length()),
                lines.subList(0, start).stream().filter(l -> !l.isBlank()).toList(), base,
                target.substring(target.lastIndexOf('/') + 1), lines.subList(start + 2, end), added);
    }

    /** Where the hunks that start at {@code from} end: each hunk is as long as its header's line counts say. */
    private static int endOfFileDiff(Path patch, List<String> lines, int from) {
        int at = from;
        while (at < lines.size()) {
            Matcher hunk = HUNK.matcher(lines.get(at));
            if (!hunk.matches()) {
                return at;
            }
            int oldLines = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
            int newLines = hunk.group(4) == null ? 1 : Integer.parseInt(hunk.group(4));
            for (at++; (oldLines > 0 || newLines > 0) && at < lines.size(); at++) {
                String line = lines.get(at);
                char kind = line.isEmpty() ? ' ' : line.charAt(0);
                if (kind == '\\') {
                    continue;
                }
                oldLines -= kind == '+' ? 0 : 1;
                newLines -= kind == '-' ? 0 : 1;
            }
            while (at < lines.size() && lines.get(at).startsWith("\\")) {
                at++; // "\ No newline at end of file"
            }
            if (oldLines > 0 || newLines > 0) {
                throw new IllegalStateException(patch + ": a hunk ends before the lines its header counts");
            }
        }
        return at;
    }

    /** Every {@code *.patch} under {@code tests/<kind>/} (e.g. "buggy"), by exercise and name. */
    public static List<Variant> all(Path kitDir, String kind) {
        Path root = kitDir.resolve("tests").resolve(kind);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(f -> f.toString().endsWith(".patch")).sorted().map(Variant::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of the header lines {@code KEY: value}, e.g. {@code values("CAUGHT-BY")}. */
    public List<String> values(String key) {
        return header.stream().filter(l -> l.startsWith(key + ":")).map(l -> l.substring(key.length() + 1).strip())
                .toList();
    }

    /**
     * Copies the exercise's solution files into {@code dir} and writes the target file: its base with the diff
     * applied. A base that is a whole correct alternative is read without its leading {@code //} lines (its header).
     */
    public Path materialise(Path kitDir, Path dir) {
        Path solution = kitDir.resolve("solutions").resolve(exercise);
        Path original = kitDir.resolve(base);
        boolean solutionOrWholeAlternative = base.equals("solutions/" + exercise + "/" + targetFile)
                || base.matches("tests/correct/" + Pattern.quote(exercise) + "/[^/]+/" + Pattern.quote(targetFile));
        if (!solutionOrWholeAlternative || !Files.isRegularFile(original)) {
            throw new IllegalStateException(patch + " patches " + base + ": expected an existing solutions/" + exercise
                    + "/" + targetFile + " or tests/correct/" + exercise + "/<name>/" + targetFile);
        }
        List<String> baseLines = readLines(original);
        if (base.startsWith("tests/")) {
            baseLines = baseLines.subList((int) baseLines.stream().takeWhile(l -> l.startsWith("//")).count(),
                    baseLines.size());
        }
        try (Stream<Path> files = Files.list(solution)) {
            Files.createDirectories(dir);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve(targetFile), apply(baseLines, base));
            for (Map.Entry<String, List<String>> file : addedFiles.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), String.join("\n", file.getValue()) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The base's lines with every hunk applied; each hunk must match exactly (it may have moved). */
    String apply(List<String> original, String originalName) {
        List<String> result = new ArrayList<>();
        int copied = 0; // lines of the original already copied to the result
        int offset = 0; // how far the hunks have moved in the original since the diff was made
        for (int i = 0; i < diff.size(); ) {
            Matcher hunk = HUNK.matcher(diff.get(i));
            if (!hunk.matches()) {
                throw new IllegalStateException(patch + ":" + (i + 1) + ": expected a hunk '@@ -a,b +c,d @@', found '"
                        + diff.get(i) + "'");
            }
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            for (i++; i < diff.size() && !diff.get(i).startsWith("@@"); i++) {
                String line = diff.get(i);
                if (line.startsWith("\\")) {
                    continue; // "\ No newline at end of file"
                }
                char kind = line.isEmpty() ? ' ' : line.charAt(0);
                String text = line.isEmpty() ? "" : line.substring(1);
                if (kind != '+') {
                    before.add(text);
                }
                if (kind != '-') {
                    after.add(text);
                }
            }
            int expected = Math.max(0, Integer.parseInt(hunk.group(1)) - 1 + offset);
            int at = find(original, before, expected, copied);
            if (at < 0) {
                throw new IllegalStateException(name() + " (" + patch + ") no longer applies: its hunk "
                        + hunk.group() + " expects these lines in " + originalName + ", which are not there any "
                        + "more:\n  " + String.join("\n  ", before)
                        + "\nRedo the variant against the new " + originalName + " (tools/variants/to-patch) or "
                        + "delete it.");
            }
            offset = at - (Integer.parseInt(hunk.group(1)) - 1);
            result.addAll(original.subList(copied, at));
            result.addAll(after);
            copied = at + before.size();
        }
        result.addAll(original.subList(copied, original.size()));
        return String.join("\n", result) + "\n";
    }

    /** Where {@code lines} occur in {@code text} at or after {@code from}, nearest to {@code expected}; or -1. */
    private static int find(List<String> text, List<String> lines, int expected, int from) {
        for (int distance = 0; distance <= text.size(); distance++) {
            for (int at : new int[] {expected - distance, expected + distance}) {
                if (at >= from && at + lines.size() <= text.size()
                        && text.subList(at, at + lines.size()).equals(lines)) {
                    return at;
                }
            }
        }
        return -1;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Variant DIR PATCH}: writes the variant's files into DIR; exit code 2 with one line on bad input. */
    public static void main(String[] args) {
        if (args.length != 2 || !args[1].endsWith(".patch")) {
            System.err.println("usage: Variant.java DIR tests/{buggy,correct}/<id>/<variant>.patch");
            System.exit(2);
        }
        try {
            Path patch = Path.of(args[1]).toAbsolutePath().normalize();
            Path kitDir = patch.getParent().getParent().getParent().getParent();
            read(patch).materialise(kitDir, Path.of(args[0]));
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
