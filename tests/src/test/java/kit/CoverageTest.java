package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The coverage table in grader/README.md and the code cannot drift apart: for each exercise it lists, every public
 * method of the reference solution (read by reflection) must be checked against every method that changes the state,
 * each such pair must have a row, and each check a row names must exist in grader/checks/&lt;id&gt;/ - so adding a
 * contract method, or renaming a check, fails here until the table says how the new pair is checked.
 */
class CoverageTest {
    private static final Pattern EXERCISE = Pattern.compile(
            "^#### (\\S+): `(\\w+)`, changed by (.+)$", Pattern.MULTILINE);
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` x `(\\w+)` \\| (.+) \\|$", Pattern.MULTILINE);
    private static final Pattern METHOD_NAME = Pattern.compile("`(\\w+)`");
    private static final Pattern DISPLAY_NAME =
            Pattern.compile("@DisplayName\\(((?:\\s*\\+?\\s*\"(?:[^\"\\\\]|\\\\.)*\")+)\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** A row may say why a pair needs no concurrent check instead of naming checks. */
    private static final String NOT_SHARED = "not shared state: ";

    @TestFactory
    Stream<DynamicTest> everyOperationIsCheckedAgainstEveryChange() throws IOException {
        String readme = Files.readString(Kit.DIR.resolve("grader/README.md"));
        List<DynamicTest> tests = new ArrayList<>();
        List<MatchResult> exercises = EXERCISE.matcher(readme).results().toList();
        for (int i = 0; i < exercises.size(); i++) {
            MatchResult exercise = exercises.get(i);
            int end = i + 1 < exercises.size() ? exercises.get(i + 1).start() : readme.length();
            String table = readme.substring(exercise.end(), end).split("\n#", 2)[0];
            tests.add(DynamicTest.dynamicTest(exercise.group(1), () -> verify(exercise.group(1), exercise.group(2),
                    exercise.group(3), table)));
        }
        assertTrue(tests.size() >= 5, "grader/README.md has a coverage table for counter, atomic-int, list, queue"
                + " and bounded-buffer");
        return tests.stream();
    }

    /**
     * Checks that no buggy variant has to fail: the check's whole DisplayName -> "&lt;id&gt;: why" (each also in
     * grader/README.md, "Checks that no variant names").
     * A check is proven only by a wrong class it catches; these catch their bug only by chance on one CPU, so a
     * CAUGHT-BY naming them would make GraderTest flaky there.
     */
    private static final Map<String, String> UNNAMED = Map.of();

    /**
     * Every check of every exercise (its @DisplayName in grader/checks/&lt;id&gt;/) is named by a CAUGHT-BY line of
     * some variant in tests/buggy/&lt;id&gt;/, which GraderTest then proves fails it - or is in {@link #UNNAMED}.
     */
    @TestFactory
    Stream<DynamicTest> everyCheckIsProvenByAVariantItCatches() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Kit.DIR.resolve("grader/checks"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String id = folder.getFileName().toString();
                List<String> checks = displayNames(id);
                List<String> caughtBy = Variant.all(Kit.DIR, "buggy").stream()
                        .filter(variant -> variant.exercise().equals(id))
                        .flatMap(variant -> variant.values("CAUGHT-BY").stream()).toList();
                tests.add(DynamicTest.dynamicTest(id, () -> {
                    List<String> unnamed = checks.stream().filter(check -> !UNNAMED.containsKey(check))
                            .filter(check -> caughtBy.stream().noneMatch(check::contains)).toList();
                    assertEquals(List.of(), unnamed, id + ": checks that no CAUGHT-BY of tests/buggy/" + id + "/ names:"
                            + " write a wrong class each of them catches on every run (CONTRIBUTING.md)");
                    List<String> stale = UNNAMED.keySet().stream()
                            .filter(check -> UNNAMED.get(check).startsWith(id + ": "))
                            .filter(check -> !checks.contains(check) || caughtBy.stream().anyMatch(check::contains))
                            .toList();
                    assertEquals(List.of(), stale, id + ": exempt in CoverageTest.UNNAMED, but no such check, or a"
                            + " variant names it now");
                }));
            }
        }
        return tests.stream();
    }

    private static void verify(String id, String className, String changedBy, String table) throws Exception {
        TreeSet<String> methods = publicMethods(id, className);
        List<String> changes = METHOD_NAME.matcher(changedBy).results().map(m -> m.group(1)).toList();
        assertTrue(methods.containsAll(changes), id + ": changed by " + changes + ", but the class has " + methods);
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            rows.put(pair(row.group(1), row.group(2)), row.group(3).strip());
        }
        List<String> checks = displayNames(id);
        List<String> problems = new ArrayList<>();
        for (String change : changes) {
            for (String method : methods) {
                if (!rows.containsKey(pair(change, method))) {
                    problems.add("no row for `" + method + "` x `" + change + "`");
                }
            }
        }
        for (Map.Entry<String, String> entry : rows.entrySet()) {
            for (String name : entry.getKey().split(" x ")) {
                if (!methods.contains(name)) {
                    problems.add("row " + entry.getKey() + ": " + className + " has no public method " + name);
                }
            }
            if (entry.getValue().startsWith(NOT_SHARED)) {
                continue;
            }
            for (String check : entry.getValue().split("; ")) {
                if (checks.stream().noneMatch(name -> name.contains(check))) {
                    problems.add("row " + entry.getKey() + ": no check of " + id + " is named like \"" + check + "\"");
                }
            }
        }
        assertEquals(List.of(), problems, id + ": the coverage table in grader/README.md and the code disagree");
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " x " + b : b + " x " + a;
    }

    /** The public instance methods of solutions/&lt;id&gt;/&lt;Class&gt;.java, compiled here and read by reflection. */
    private static TreeSet<String> publicMethods(String id, String className) throws Exception {
        Path classes = Files.createTempDirectory("coverage");
        Path source = Kit.DIR.resolve("solutions").resolve(id).resolve(className + ".java");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, "javac " + source);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()})) {
            Class<?> type = loader.loadClass(id.replace("-", "") + "." + className);
            TreeSet<String> names = new TreeSet<>();
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
                    names.add(method.getName());
                }
            }
            return names;
        }
    }

    /** The @DisplayName of every check of the exercise, its string literals joined. */
    private static List<String> displayNames(String id) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Kit.DIR.resolve("grader/checks").resolve(id))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher annotation = DISPLAY_NAME.matcher(Files.readString(file));
                while (annotation.find()) {
                    StringBuilder name = new StringBuilder();
                    LITERAL.matcher(annotation.group(1)).results().forEach(m -> name.append(m.group(1)));
                    names.add(name.toString().replace("\\\"", "\""));
                }
            }
        }
        return names;
    }
}
