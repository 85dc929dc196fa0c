package kit.grader.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads exercises/exercises.toml, the one list of the exercises: a TOML array of tables {@code [[exercise]]} with
 * string keys {@code id}, {@code class}, {@code package} and an optional {@code rule}. Only that much TOML is accepted,
 * strictly: anything else is an error naming the file and line. Needs nothing but the JDK, so the kit's tests and
 * scripts can run it on its own: {@code java grader/kit/grader/layout/ExerciseManifest.java} prints one line per
 * exercise, {@code id class package rule} separated by tabs ({@code -} for no rule).
 */
public final class ExerciseManifest {
    public static final String PATH = "exercises/exercises.toml";
    private static final List<String> KEYS = List.of("id", "class", "package", "rule");
    private static final Pattern KEY_VALUE = Pattern.compile("([a-z]+)\\s*=\\s*\"([^\"\\\\]*)\"\\s*(#.*)?");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One {@code [[exercise]]} table. */
    public record Entry(String id, String className, String packageName, String rule) {}

    private ExerciseManifest() {}

    /** The exercises of the kit in {@code kitDir}, in the file's order. */
    public static List<Entry> read(Path kitDir) {
        Path file = kitDir.resolve(PATH);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(PATH + ": cannot read it (" + e.getMessage() + ")");
        }
        List<Map<String, String>> tables = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = PATH + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("[[exercise]]")) {
                tables.add(new LinkedHashMap<>());
                continue;
            }
            Matcher m = KEY_VALUE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + "expected [[exercise]] or key = \"value\", found: " + line);
            }
            if (tables.isEmpty()) {
                throw new IllegalArgumentException(where + "a key before the first [[exercise]]");
            }
            if (!KEYS.contains(m.group(1))) {
                throw new IllegalArgumentException(where + "unknown key '" + m.group(1) + "'; the keys are " + KEYS);
            }
            if (tables.get(tables.size() - 1).put(m.group(1), m.group(2)) != null) {
                throw new IllegalArgumentException(where + "'" + m.group(1) + "' given twice for one exercise");
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Map<String, String> table : tables) {
            Entry entry = new Entry(required(table, "id", NAME), required(table, "class", JAVA_NAME),
                    required(table, "package", JAVA_NAME), table.getOrDefault("rule", ""));
            if (entries.stream().anyMatch(e -> e.id().equals(entry.id()))) {
                throw new IllegalArgumentException(PATH + ": exercise '" + entry.id() + "' listed twice");
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(PATH + ": lists no [[exercise]]");
        }
        return entries;
    }

    private static String required(Map<String, String> table, String key, Pattern form) {
        String value = table.get(key);
        if (value == null || !form.matcher(value).matches()) {
            throw new IllegalArgumentException(PATH + ": the exercise " + table.getOrDefault("id", "") + " needs "
                    + key + " = \"...\" matching " + form + (value == null ? "" : ", not \"" + value + "\""));
        }
        return value;
    }

    public static void main(String[] args) {
        try {
            for (Entry e : read(Path.of(args.length > 0 ? args[0] : "."))) {
                System.out.println(String.join("\t", e.id(), e.className(), e.packageName(),
                        e.rule().isEmpty() ? "-" : e.rule()));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
