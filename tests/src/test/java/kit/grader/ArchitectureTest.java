package kit.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.ClassNode;

/**
 * The grader's rooms and the doors between them (issue 18), checked on every {@code ./test unit}. The rooms are the
 * table "The grader's rooms" in grader/README.md: each package of {@code kit.grader}, where it runs (the check JVM,
 * beside the learner's code, or the grader) and which packages it may use. The tests hold the code to it:
 * <ul>
 * <li>every package has its row;</li>
 * <li>a class of a check-JVM package uses no class of a grader-side package (and the table allows none);</li>
 * <li>a package uses only the packages its row allows;</li>
 * <li>no two packages depend on each other, directly or round a circle;</li>
 * <li>no package has more than {@value #MAX_CLASSES} top-level classes.</li>
 * </ul>
 * Who uses whom is read twice and joined: from the compiled classes (ASM: every type a class names, also in method
 * bodies, lambdas, annotations and constants - what the class path must hold) and from the sources (imports and
 * qualified names, comments and literals left out), because javac copies a {@code static final} constant into the
 * class that reads it, so a check-JVM class reading a grader-side constant leaves no trace in its class file.
 * The last tests give the checks made-up classes and tables that break each rule, so that the checks can fail.
 */
class ArchitectureTest {
    static final int MAX_CLASSES = 20;

    static final String README = "grader/README.md";
    static final String TABLE_HEADER = "| package | runs in | what it holds | may use |";

    private static final String HOW_TO_RUN = "(run it alone with: ./test unit)";

    private static Model grader;
    private static Map<String, Room> rooms;

    @BeforeAll
    static void readTheGrader() throws IOException {
        grader = Model.read(compiledGraderClasses(), graderSources());
        rooms = rooms(Files.readString(kitDir().resolve(README)));
    }

    @Test
    void theGradersClassesAreFound() {
        assertTrue(grader.classes().size() >= 40, "found only " + grader.classes().size() + " classes of the "
                + "grader in " + testClasses() + ": " + grader.classes());
        for (String expected : List.of("kit.grader.api", "kit.grader.runner", "kit.grader.host")) {
            assertTrue(grader.packages().contains(expected), "no package " + expected + " among " + grader.packages());
        }
        assertTrue(grader.uses("kit.grader.runner", "kit.grader.api"), "the runner uses the checks' API");
    }

    @Test
    void theTableOfRoomsPutsTheChecksApiAndTheRunnerInTheCheckJvm() {
        for (String pkg : List.of("kit.grader.api", "kit.grader.runner")) {
            assertTrue(rooms.containsKey(pkg) && rooms.get(pkg).checkJvm(), README + ": " + pkg + " runs in the check"
                    + " JVM (it is what the checks and the check JVM's main class are made of): " + rooms.get(pkg));
        }
        assertTrue(rooms.values().stream().filter(r -> !r.checkJvm()).count() >= 3, "grader-side rooms: " + rooms);
    }

    @Test
    void everyPackageHasItsRoom() {
        assertNoProblem(unclassified(grader, rooms));
    }

    @Test
    void checkJvmClassesUseNoGraderSideClass() {
        assertNoProblem(checkJvmViolations(grader, rooms));
    }

    @Test
    void everyPackageUsesOnlyWhatItsRoomAllows() {
        assertNoProblem(undeclared(grader, rooms));
    }

    @Test
    void packagesDependOnEachOtherInOneDirectionOnly() {
        assertNoProblem(cycles(grader));
    }

    @Test
    void noPackageHasMoreThan20Classes() {
        assertNoProblem(oversized(grader, MAX_CLASSES));
    }

    private static void assertNoProblem(String problem) {
        if (!problem.isEmpty()) {
            fail(problem);
        }
    }

    // ---- the table of rooms ----

    /** A row of the table of rooms: a package, whether it runs in the check JVM, the packages it may use. */
    record Room(String pkg, boolean checkJvm, SortedSet<String> mayUse) {}

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /**
     * The rows of the table under {@link #TABLE_HEADER} in {@code readme}. "runs in" says "the check JVM" or "the
     * grader"; "may use" names packages in backticks ({@code `layout`} or {@code `kit.grader.layout`}), or says
     * "all of the above"; other words there (the JDK, JUnit, ...) are not packages of the grader.
     */
    static Map<String, Room> rooms(String readme) {
        List<String> lines = readme.lines().map(String::strip).toList();
        int header = lines.indexOf(TABLE_HEADER);
        if (header < 0) {
            throw new AssertionError(README + " has no table of the grader's rooms: ArchitectureTest reads from it"
                    + " where each package runs and what it may use. It starts with the line " + TABLE_HEADER
                    + " (under '## The grader's rooms'); put it back or mend that line.");
        }
        Map<String, Room> rooms = new LinkedHashMap<>();
        for (String line : lines.subList(Math.min(lines.size(), header + 2), lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|", -1);
            Matcher pkg = CODE.matcher(cells.length > 1 ? cells[1] : "");
            String runsIn = cells.length > 2 ? cells[2].strip() : "";
            if (cells.length != 6 || !pkg.find() || !pkg.group(1).startsWith("kit.grader")
                    || !(runsIn.equals("the check JVM") || runsIn.equals("the grader"))) {
                throw new AssertionError(README + ", the table of the grader's rooms: a row is | `kit.grader.<name>` |"
                        + " the check JVM or the grader | what it holds | the packages it may use, in backticks |,"
                        + " not: " + line);
            }
            SortedSet<String> mayUse = new TreeSet<>();
            if (cells[4].contains("all of the above")) {
                mayUse.addAll(rooms.keySet());
            }
            Matcher used = CODE.matcher(cells[4]);
            while (used.find()) {
                mayUse.add(used.group(1).startsWith("kit.") ? used.group(1) : "kit.grader." + used.group(1));
            }
            rooms.put(pkg.group(1), new Room(pkg.group(1), runsIn.equals("the check JVM"), mayUse));
        }
        return rooms;
    }

    // ---- the rules, each giving the newcomer's explanation, or "" ----

    static String unclassified(Model model, Map<String, Room> rooms) {
        List<String> lines = new ArrayList<>();
        for (String pkg : model.packages()) {
            if (!rooms.containsKey(pkg)) {
                lines.add("  " + pkg + " (" + String.join(", ", simpleNames(model.topLevelClasses(pkg))) + ")");
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return "Every package of the grader has a row in the table of the grader's rooms in " + README + ", and"
                + " these have none:\n" + String.join("\n", lines) + "\nAdd a row for each: the package, where it runs"
                + " (the check JVM, if the checks or the check JVM's runner load its classes; else the grader), what it"
                + " holds, and the packages it may use. The other tests of this class then hold it to that. "
                + HOW_TO_RUN;
    }

    static String checkJvmViolations(Model model, Map<String, Room> rooms) {
        List<String> lines = new ArrayList<>();
        for (Room room : rooms.values()) {
            if (!room.checkJvm()) {
                continue;
            }
            for (String to : room.mayUse()) {
                if (rooms.containsKey(to) && !rooms.get(to).checkJvm()) {
                    lines.add(room.pkg() + " may use " + to + ", says the table of rooms in " + README);
                }
            }
            for (String to : model.packagesUsedBy(room.pkg())) {
                if (rooms.containsKey(to) && !rooms.get(to).checkJvm()) {
                    lines.addAll(model.evidence(room.pkg(), to));
                }
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return "Classes that run in the check JVM (" + rooms.values().stream().filter(Room::checkJvm).map(Room::pkg)
                .collect(Collectors.joining(", ")) + ") use grader-side classes:\n"
                + lines.stream().map(l -> "  " + l).collect(Collectors.joining("\n"))
                + "\nThe check JVM runs the learner's code; what it loads must be what runs there, and a grader-side"
                + " class brings the compiler, the manifest or the result files along and ties both sides together."
                + " Turn the dependency round: move what the check-JVM class needs (a constant, a small record) into"
                + " kit.grader.runner or kit.grader.api and let the grader side read it from there - as the heap limit"
                + " lives in runner.HeapWatch and host.CheckJvmFlags reads it - or hand the value to the check JVM on"
                + " its command line. " + HOW_TO_RUN;
    }

    static String undeclared(Model model, Map<String, Room> rooms) {
        List<String> lines = new ArrayList<>();
        for (Room room : rooms.values()) {
            for (String to : model.packagesUsedBy(room.pkg())) {
                if (!room.mayUse().contains(to)) {
                    lines.add("  " + room.pkg() + " may use " + (room.mayUse().isEmpty() ? "no package of the grader"
                            : String.join(", ", room.mayUse())) + ", not " + to + ":");
                    model.evidence(room.pkg(), to).forEach(e -> lines.add("    " + e));
                }
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return "Packages use packages that their row in the table of rooms (" + README + ") does not let them use:\n"
                + String.join("\n", lines) + "\nEither use what the room allows (move the class you need, or ask the"
                + " caller to hand it in), or, when the new door is right, add the package to the row's 'may use'"
                + " (in backticks) - the other tests of this class then check that it makes no circle and keeps the"
                + " check JVM apart. " + HOW_TO_RUN;
    }

    static String cycles(Model model) {
        List<String> parts = new ArrayList<>();
        Set<String> inCycles = new TreeSet<>();
        for (SortedSet<String> cycle : model.packageCycles()) {
            inCycles.addAll(cycle);
            List<String> lines = new ArrayList<>();
            String smallest = null;
            int smallestSize = Integer.MAX_VALUE;
            for (String from : cycle) {
                for (String to : model.packagesUsedBy(from)) {
                    if (cycle.contains(to)) {
                        List<String> evidence = model.evidence(from, to);
                        evidence.forEach(e -> lines.add("  " + e));
                        if (evidence.size() < smallestSize) {
                            smallestSize = evidence.size();
                            smallest = from + " -> " + to;
                        }
                    }
                }
            }
            parts.add(String.join(", ", cycle) + " depend on each other:\n" + String.join("\n", lines)
                    + "\nThe thinnest of these dependencies, most likely the one to turn round: " + smallest + " ("
                    + smallestSize + " use" + (smallestSize == 1 ? "" : "s") + ").");
        }
        if (parts.isEmpty()) {
            return "";
        }
        List<String> others = new ArrayList<>();
        for (String from : model.packages()) {
            SortedSet<String> to = new TreeSet<>(model.packagesUsedBy(from));
            if (!inCycles.contains(from) && !to.isEmpty()) {
                others.add("  " + from + " -> " + String.join(", ", to));
            }
        }
        return "The grader's packages must depend on each other in one direction only. "
                + String.join("\n", parts)
                + "\nWith a circle, none of these packages can be read, tested or changed without the others. Break"
                + " it at the dependency that goes against the others' direction (below): move the class both sides"
                + " need into the lower package, or let the lower package declare an interface that the higher one"
                + " implements (as report.Console implements host.ExerciseGrader.Listener) and hand it in."
                + (others.isEmpty() ? "" : "\nThe packages outside the circle depend like this:\n"
                        + String.join("\n", others))
                + "\n" + HOW_TO_RUN;
    }

    static String oversized(Model model, int max) {
        List<String> lines = new ArrayList<>();
        for (String pkg : model.packages()) {
            SortedSet<String> classes = model.topLevelClasses(pkg);
            if (classes.size() > max) {
                lines.add("  " + pkg + ": " + classes.size() + " classes (" + String.join(", ", simpleNames(classes))
                        + ")");
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return "A package holds at most " + max + " top-level classes, so that a newcomer can take in a room at"
                + " once:\n" + String.join("\n", lines) + "\nSplit it by role: find classes that work together and"
                + " that the rest reaches through one or two of them, move them into a package of their own (a folder"
                + " under grader/kit/grader/, which the //SOURCES globs of grader/Grade.java must include), give it a"
                + " row in the table of rooms in " + README + " and a package-info.java, and run the tests again. "
                + HOW_TO_RUN;
    }

    private static List<String> simpleNames(Set<String> classes) {
        return classes.stream().map(c -> c.substring(c.lastIndexOf('.') + 1)).toList();
    }

    // ---- the checks on made-up classes and tables: each rule must be able to fail ----

    /** The rooms of the made-up classes below: runner in the check JVM, the rest on the grader's side. */
    private static final Map<String, Room> MADE_UP_ROOMS = rooms("""
            # The grader
            | package | runs in | what it holds | may use |
            |---|---|---|---|
            | `kit.grader.runner` | the check JVM | the check JVM's main | the JDK |
            | `kit.grader.layout` | the grader | the kit's files | the JDK |
            | `kit.grader.host` | the grader | grading one exercise | `layout`, `runner` |
            | `kit.grader.report` | the grader | the console | `kit.grader.host`, `layout` |
            | `kit.grader.stress` | the grader | jcstress | `host`, `report` |
            | `kit.grader.cli` | the grader | the commands | all of the above |

            More text.
            """);

    @Test
    void theTableOfRoomsIsReadAsTheReadmeWritesIt() {
        assertEquals(List.of("kit.grader.runner", "kit.grader.layout", "kit.grader.host", "kit.grader.report",
                "kit.grader.stress", "kit.grader.cli"), List.copyOf(MADE_UP_ROOMS.keySet()));
        assertEquals(new Room("kit.grader.runner", true, new TreeSet<>()), MADE_UP_ROOMS.get("kit.grader.runner"));
        assertEquals(new Room("kit.grader.report", false, new TreeSet<>(Set.of("kit.grader.host",
                "kit.grader.layout"))), MADE_UP_ROOMS.get("kit.grader.report"));
        assertEquals(Set.of("kit.grader.runner", "kit.grader.layout", "kit.grader.host", "kit.grader.report",
                "kit.grader.stress"), MADE_UP_ROOMS.get("kit.grader.cli").mayUse());
        AssertionError noTable = assertThrows(AssertionError.class,
                () -> rooms("# The grader\n| package | runs in | may use |\n"));
        assertTrue(noTable.getMessage().startsWith(README + " has no table of the grader's rooms"),
                noTable::getMessage);
        AssertionError badRow = assertThrows(AssertionError.class,
                () -> rooms(TABLE_HEADER + "\n|---|---|---|---|\n| `kit.grader.api` | the checks | x | the JDK |\n"));
        assertTrue(badRow.getMessage().endsWith("not: | `kit.grader.api` | the checks | x | the JDK |"),
                badRow::getMessage);
    }

    @TempDir
    Path scratch;

    /** Compiles made-up grader sources (relative path to text) and reads them as the test reads the grader. */
    private Model madeUp(Map<String, String> sources) throws IOException {
        Path src = scratch.resolve("src");
        Path classes = scratch.resolve("classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-implicit:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(String[]::new)),
                errors::toString);
        List<byte[]> classFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classFiles.add(Files.readAllBytes(f));
            }
        }
        return Model.read(classFiles, sourceFiles(src));
    }

    @Test
    void aCheckJvmClassUsingAGraderSideClassInALambdaOrThroughAConstantIsFound() throws IOException {
        Model model = madeUp(ordered(
                "kit/grader/runner/Spy.java", """
                        package kit.grader.runner;
                        // kit.grader.layout.Mentioned in a comment is no use of it
                        public class Spy {
                            Runnable later = () -> kit.grader.host.Secret.touch();
                            String text = "kit.grader.layout.Quoted";
                        }
                        """,
                "kit/grader/runner/Limit.java", """
                        package kit.grader.runner;
                        import kit.grader.host.Secret;
                        public class Limit {
                            int mb = Secret.LIMIT_MB; // a constant: javac copies 512 into this class
                        }
                        """,
                "kit/grader/layout/Mentioned.java", "package kit.grader.layout; public class Mentioned {}",
                "kit/grader/layout/Quoted.java", "package kit.grader.layout; public class Quoted {}",
                "kit/grader/host/Secret.java", """
                        package kit.grader.host;
                        public class Secret {
                            public static final int LIMIT_MB = 512;
                            public static void touch() {}
                            kit.grader.runner.Spy spy; // host may use runner
                        }
                        """));
        String problem = checkJvmViolations(model, MADE_UP_ROOMS);
        assertTrue(problem.contains("kit.grader.runner.Spy -> kit.grader.host.Secret\n"), problem);
        assertTrue(problem.contains("kit.grader.runner.Limit -> kit.grader.host.Secret (in the source only: a"),
                problem);
        assertTrue(!problem.contains("layout"), "comments and strings are no use: " + problem);
        assertTrue(problem.contains("Turn the dependency round"), problem);
        Map<String, Room> lax = new LinkedHashMap<>(MADE_UP_ROOMS);
        lax.put("kit.grader.runner", new Room("kit.grader.runner", true, new TreeSet<>(Set.of("kit.grader.host"))));
        assertTrue(checkJvmViolations(model, lax).contains("  kit.grader.runner may use kit.grader.host, says the"
                + " table of rooms in " + README + "\n"), "a table that lets the check JVM use the grader's side is"
                + " wrong too: " + checkJvmViolations(model, lax));
    }

    @Test
    void aCycleOfPackagesIsFoundAndNamedByItsClasses() throws IOException {
        Model model = madeUp(ordered(
                "kit/grader/report/Page.java", """
                        package kit.grader.report;
                        public class Page {
                            kit.grader.stress.Run run;
                        }
                        """,
                "kit/grader/stress/Run.java", """
                        package kit.grader.stress;
                        import java.util.function.Supplier;
                        public class Run {
                            class Inner {
                                Supplier<Object> pages = kit.grader.cli.Command::new;
                            }
                        }
                        """,
                "kit/grader/cli/Command.java", """
                        package kit.grader.cli;
                        public class Command {
                            Object page = new kit.grader.report.Page();
                        }
                        """,
                "kit/grader/cli/Other.java", "package kit.grader.cli; class Other { kit.grader.report.Page p; }",
                "kit/grader/report/Index.java", "package kit.grader.report; class Index { kit.grader.stress.Run r; }",
                "kit/grader/layout/Folders.java", """
                        package kit.grader.layout;
                        public class Folders {
                            kit.grader.report.Page page;
                        }
                        """));
        String problem = cycles(model);
        assertTrue(problem.contains("kit.grader.cli, kit.grader.report, kit.grader.stress depend on each other:"),
                problem);
        for (String edge : List.of("kit.grader.report.Page -> kit.grader.stress.Run",
                "kit.grader.stress.Run -> kit.grader.cli.Command",
                "kit.grader.cli.Command -> kit.grader.report.Page")) {
            assertTrue(problem.contains("  " + edge + "\n"), edge + " in:\n" + problem);
        }
        assertTrue(problem.contains("\n  kit.grader.layout -> kit.grader.report\n"), "the direction outside: "
                + problem);
        assertTrue(problem.contains("the one to turn round: kit.grader.stress -> kit.grader.cli (1 use)."), problem);

        String undeclared = undeclared(model, MADE_UP_ROOMS);
        assertTrue(undeclared.contains("""
                  kit.grader.layout may use no package of the grader, not kit.grader.report:
                    kit.grader.layout.Folders -> kit.grader.report.Page
                """), undeclared);
        assertTrue(undeclared.contains("""
                  kit.grader.report may use kit.grader.host, kit.grader.layout, not kit.grader.stress:
                    kit.grader.report.Index -> kit.grader.stress.Run
                    kit.grader.report.Page -> kit.grader.stress.Run
                """), undeclared);
        assertTrue(undeclared.contains("  kit.grader.stress may use kit.grader.host, kit.grader.report, not"
                + " kit.grader.cli:\n"), undeclared);
        assertTrue(!undeclared.contains("kit.grader.cli may use"), "cli may use all of the above: " + undeclared);
    }

    @Test
    void aPackageOfMoreThan20ClassesAndAnUnknownPackageAreFound() {
        List<byte[]> classes = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            classes.add(emptyClass("kit/grader/everything/Part" + i));
        }
        classes.add(emptyClass("kit/grader/everything/Part1$Nested")); // not top-level: not counted
        Model model = Model.read(classes, Map.of());
        String problem = oversized(model, MAX_CLASSES);
        assertTrue(problem.contains("  kit.grader.everything: 21 classes (Part1, Part10,"), problem);
        assertTrue(problem.contains("Split it by role"), problem);
        assertEquals("", oversized(model, 21));
        String unknown = unclassified(model, MADE_UP_ROOMS);
        assertTrue(unknown.contains("  kit.grader.everything (Part1, "), unknown);
        assertTrue(unknown.contains("Add a row for each"), unknown);
    }

    private static byte[] emptyClass(String internalName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        writer.visitEnd();
        return writer.toByteArray();
    }

    // ---- reading the grader ----

    /**
     * Who uses whom among the grader's top-level classes (a nested class counts as its top-level class).
     * {@code sourceOnly} holds the uses seen only in the sources (constants that javac copied).
     */
    record Model(SortedMap<String, SortedSet<String>> uses, Map<String, Set<String>> sourceOnly,
            SortedSet<String> classes) {

        /** The model of these class files and sources (top-level class name to its text). */
        static Model read(List<byte[]> classFiles, Map<String, String> sources) {
            SortedSet<String> topLevel = new TreeSet<>();
            for (byte[] classFile : classFiles) {
                topLevel.add(outer(new ClassReader(classFile).getClassName().replace('/', '.')));
            }
            SortedMap<String, SortedSet<String>> uses = new TreeMap<>();
            topLevel.forEach(c -> uses.put(c, new TreeSet<>()));
            for (byte[] classFile : classFiles) {
                ReferenceCollector collector = new ReferenceCollector();
                new ClassReader(classFile).accept(new ClassRemapper(new ClassNode(), collector), 0);
                String from = outer(new ClassReader(classFile).getClassName().replace('/', '.'));
                collector.names.stream().map(n -> outer(n.replace('/', '.')))
                        .filter(n -> topLevel.contains(n) && !n.equals(from)).forEach(uses.get(from)::add);
            }
            Map<String, Set<String>> sourceOnly = new TreeMap<>();
            sources.forEach((from, text) -> {
                if (!uses.containsKey(from)) {
                    return; // a source without a class file: nothing the JVM loads
                }
                for (String to : qualifiedNames(text)) {
                    if (topLevel.contains(to) && !to.equals(from) && uses.get(from).add(to)) {
                        sourceOnly.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                    }
                }
            });
            return new Model(uses, sourceOnly, topLevel);
        }

        SortedSet<String> packages() {
            return classes.stream().map(Model::packageOf).collect(Collectors.toCollection(TreeSet::new));
        }

        SortedSet<String> topLevelClasses(String pkg) {
            return classes.stream().filter(c -> packageOf(c).equals(pkg))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        /** The other packages that classes of {@code pkg} use. */
        SortedSet<String> packagesUsedBy(String pkg) {
            SortedSet<String> used = new TreeSet<>();
            uses.forEach((from, tos) -> {
                if (packageOf(from).equals(pkg)) {
                    tos.stream().map(Model::packageOf).filter(p -> !p.equals(pkg)).forEach(used::add);
                }
            });
            return used;
        }

        boolean uses(String fromPackage, String toPackage) {
            return packagesUsedBy(fromPackage).contains(toPackage);
        }

        /** The class-to-class uses that make {@code from} use {@code to}, one per line. */
        List<String> evidence(String from, String to) {
            List<String> lines = new ArrayList<>();
            uses.forEach((fromClass, tos) -> {
                if (packageOf(fromClass).equals(from)) {
                    for (String toClass : tos) {
                        if (packageOf(toClass).equals(to)) {
                            lines.add(fromClass + " -> " + toClass
                                    + (sourceOnly.getOrDefault(fromClass, Set.of()).contains(toClass)
                                            ? " (in the source only: a constant that javac copied into the class)"
                                            : ""));
                        }
                    }
                }
            });
            return lines;
        }

        /** The sets of two or more packages that reach each other (strongly connected components). */
        List<SortedSet<String>> packageCycles() {
            List<SortedSet<String>> cycles = new ArrayList<>();
            Set<String> done = new TreeSet<>();
            for (String pkg : packages()) {
                if (done.contains(pkg)) {
                    continue;
                }
                SortedSet<String> cycle = new TreeSet<>();
                for (String other : reachableFrom(pkg)) {
                    if (reachableFrom(other).contains(pkg)) {
                        cycle.add(other);
                    }
                }
                cycle.add(pkg);
                done.addAll(cycle);
                if (cycle.size() > 1) {
                    cycles.add(cycle);
                }
            }
            return cycles;
        }

        private Set<String> reachableFrom(String pkg) {
            Set<String> seen = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(packagesUsedBy(pkg));
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (seen.add(next)) {
                    todo.addAll(packagesUsedBy(next));
                }
            }
            return seen;
        }

        static String packageOf(String className) {
            return className.substring(0, Math.max(0, className.lastIndexOf('.')));
        }

        static String outer(String className) {
            int dollar = className.indexOf('$');
            return dollar < 0 ? className : className.substring(0, dollar);
        }
    }

    /** Hears every type name a class file mentions, as ASM's remapper is asked to rename it. */
    private static final class ReferenceCollector extends Remapper {
        final Set<String> names = new TreeSet<>();

        ReferenceCollector() {
            super(Opcodes.ASM9);
        }

        @Override
        public String map(String internalName) {
            names.add(internalName);
            return internalName;
        }
    }

    private static final Pattern QUALIFIED = Pattern.compile("\\bkit\\s*\\.\\s*grader((?:\\s*\\.\\s*[a-z_]\\w*)+)"
            + "\\s*\\.\\s*([A-Z]\\w*)");

    /** The kit.grader classes that a source names with their package (imports, qualified names), in its code only. */
    static Set<String> qualifiedNames(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = QUALIFIED.matcher(codeOnly(source));
        while (m.find()) {
            names.add("kit.grader" + m.group(1).replaceAll("\\s", "") + "." + m.group(2));
        }
        return names;
    }

    /** The source with comments, strings, text blocks and char literals blanked out. */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? source.length() : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                end = i + 1;
                while (end < source.length() && source.charAt(end) != quote && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(source.length(), end + 1);
            } else {
                code.append(source.charAt(i++));
                continue;
            }
            code.append(' ');
            i = end;
        }
        return code.toString();
    }

    // ---- where the grader is ----

    private static Path kitDir() {
        String property = System.getProperty("kit.dir");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("grader/kit/grader"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no grader/kit/grader above " + Path.of("").toAbsolutePath() + " "
                + HOW_TO_RUN);
    }

    /** Where Maven compiled the tests and, with them, the grader (tests/pom.xml adds grader/kit as test sources). */
    private static Path testClasses() {
        try {
            return Path.of(ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The grader's class files: those under kit/grader whose source file is in grader/kit/grader/. */
    private static List<byte[]> compiledGraderClasses() {
        Path root = testClasses();
        Path sourceRoot = kitDir().resolve("grader"); // package kit.grader.api is grader/kit/grader/api/
        List<byte[]> classFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("kit/grader"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                String[] sourceFile = new String[1];
                new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitSource(String source, String debug) {
                        sourceFile[0] = source;
                    }
                }, ClassReader.SKIP_CODE);
                Path packageDir = root.relativize(file.getParent());
                if (sourceFile[0] != null && Files.isRegularFile(sourceRoot.resolve(packageDir).resolve(sourceFile[0]))
                        && !file.getFileName().toString().equals("package-info.class")) {
                    classFiles.add(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled grader in " + root + " " + HOW_TO_RUN, e);
        }
        return classFiles;
    }

    /** The grader's sources by top-level class name. */
    private static Map<String, String> graderSources() {
        return sourceFiles(kitDir().resolve("grader"));
    }

    /** The .java files under {@code root}/kit/grader, by the class their path names. */
    private static Map<String, String> sourceFiles(Path root) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("kit/grader"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(file).toString().replace(".java", "").replace('/', '.')
                        .replace('\\', '.');
                sources.put(name, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
