package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Proof that the grader works: every buggy variant (tests/buggy/&lt;id&gt;/&lt;variant&gt;.patch, applied to a copy of
 * the solution by {@link Variant}) loses points and fails the checks its CAUGHT-BY lines name (graded with --only those
 * checks); every reference solution, and every correct alternative design (tests/correct/&lt;id&gt;/&lt;name&gt;.patch,
 * applied like a variant, or a whole class in tests/correct/&lt;id&gt;/&lt;name&gt;/), gets full marks in every round
 * (Kit.PROOF_RUNS); the starters do not; and the special submissions in tests/submissions/ (compile error, System.exit,
 * endless loop, deadlock, forged results) are stopped and explained. Gradings run side by side, half as many as there
 * are CPUs but at least two (each grading runs its check JVMs side by side too), in grader processes that take one
 * grading after another ({@link GradingLanes}); the special submissions are graded by {@code ./jbang grade} of their
 * own, as a learner runs it.
 */
@Order(1) // first, on a track of its own: it takes the longest
@Execution(ExecutionMode.CONCURRENT)
class GraderTest {
    private static final List<String> EXERCISES = Exercises.all().stream().map(Exercises.Exercise::id).toList();
    private static final Duration TIMEOUT = Duration.ofMinutes(6);
    private static final Duration TIMEOUT_ALL = Duration.ofMinutes(20); // all the exercises, on a busy machine
    /**
     * A bound for grading a hostile submission, generous for a machine busy with the other gradings of this test: each
     * is told in under 15 s alone, on 2 CPUs and on one (tools/grading-timings --buggy measures each one); before the
     * grader watched every call, a static initializer that never ends took 150-190 s.
     */
    private static final Duration HOSTILE_BOUND = Duration.ofSeconds(60);
    /** What a learner reads about a hostile submission stays short, whatever the code printed or started. */
    private static final int REPORT_BYTES = 20_000;
    private static final Pattern CHECK_LINE = Pattern.compile("^\\[(PASS|FAIL)\\] (\\d+)/(\\d+) (.*)$",
            Pattern.MULTILINE);
    private static final GradingLanes GRADERS = new GradingLanes(Math.max(2,
            Runtime.getRuntime().availableProcessors() / 2));
    private static final Map<String, Future<GradingLanes.Done>> LEARNER_GRADINGS = new ConcurrentHashMap<>();

    /** What one run of the grader printed, read back from its console lines, and how long it took. */
    record Grading(Kit.Run run, Map<String, Boolean> passed, int score, int maxScore, Duration took) {
        static Grading of(Kit.Run run, Duration took) {
            Map<String, Boolean> passed = new LinkedHashMap<>();
            int score = 0;
            int max = 0;
            Matcher m = CHECK_LINE.matcher(run.stdout());
            while (m.find()) {
                passed.put(m.group(4), m.group(1).equals("PASS"));
                score += Integer.parseInt(m.group(2));
                max += Integer.parseInt(m.group(3));
            }
            return new Grading(run, passed, score, max, took);
        }

        String account() {
            return run.describe() + "\n(took " + took.toSeconds() + " s)";
        }

        List<String> failed() {
            return passed.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        }
    }

    @AfterAll
    static void stopGraders() {
        GRADERS.close();
    }

    /** {@code ./jbang grade args...}, graded in one of the lanes. */
    private static Future<GradingLanes.Done> grade(String... args) {
        boolean oneExercise = args.length > 0 && !args[0].startsWith("--");
        return GRADERS.grade(oneExercise ? TIMEOUT : TIMEOUT_ALL, List.of(args));
    }

    /**
     * The special submissions' gradings are asked for first, the longest first, so that they run beside one another
     * and beside the variants' gradings - not one after another once all of those are done.
     */
    @BeforeAll
    static void startTheSpecialSubmissions() {
        for (String name : List.of("runs-out-of-memory", "prints-100000-characters-per-call", "endless-loop",
                "constructor-starts-3000-sleeping-threads", "static-initializer-never-ends",
                "static-initializer-waits-for-its-own-thread", "constructor-never-returns",
                "constructor-starts-spinning-thread", "deadlock",
                "calls-system-exit", "saved-by-notepad", "does-not-compile", "forges-the-results")) {
            gradeAsALearner("counter", submission(name));
        }
    }

    /**
     * {@code ./jbang grade exercise --dir dir}, graded by a process of its own, as a learner runs it; once per
     * exercise and folder (a test asks for what {@link #startTheSpecialSubmissions} may have started).
     */
    private static Future<GradingLanes.Done> gradeAsALearner(String exercise, String dir) {
        return LEARNER_GRADINGS.computeIfAbsent(exercise + " " + dir,
                key -> GRADERS.process(TIMEOUT, "grade", exercise, "--dir", dir));
    }

    private static Grading await(Future<GradingLanes.Done> grading) {
        try {
            GradingLanes.Done done = grading.get();
            return Grading.of(done.run(), done.took());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBuggyVariantLosesPointsAndFailsItsCaughtByChecks() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Variant variant : Variant.all(Kit.DIR, "buggy")) {
            String label = variant.exercise() + "/" + variant.name();
            List<String> caughtBy = variant.values("CAUGHT-BY");
            Path dir;
            try {
                dir = variant.materialise(Kit.DIR, tempDir(variant.name()));
            } catch (IllegalStateException e) { // a patch that no longer applies fails here, by name
                tests.add(DynamicTest.dynamicTest(label, () -> { throw new AssertionError(e.getMessage()); }));
                continue;
            }
            // Only the checks that must catch this bug run (--only), which keeps the proof fast; they must fail.
            List<String> args = new ArrayList<>(List.of(variant.exercise(), "--dir", dir.toString()));
            caughtBy.forEach(check -> args.addAll(List.of("--only", check)));
            Future<GradingLanes.Done> grading = grade(args.toArray(String[]::new));
            tests.add(DynamicTest.dynamicTest(label, () -> {
                Grading g = await(grading);
                String account = g.run().describe();
                assertEquals(1, g.run().exitCode(), "a graded submission without full marks exits 1\n" + account);
                assertTrue(g.maxScore() > 0 && g.score() < g.maxScore(), "must lose points\n" + account);
                assertTrue(!caughtBy.isEmpty(), variant.patch() + " names no CAUGHT-BY check");
                assertTrue(!g.run().stdout().contains("no exercise needs, so the grader did not run it"),
                        "refused before it ran (ForbiddenApis), so it proves no check\n" + account);
                for (String check : caughtBy) {
                    assertTrue(g.failed().stream().anyMatch(name -> name.contains(check)),
                            "the check '" + check + "' must fail for " + variant.patch() + "\n" + account);
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everySolutionGetsFullMarksInEveryRound() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int round = 1; round <= Kit.PROOF_RUNS; round++) {
            Path json = tempFile("solutions-" + round + ".json");
            Future<GradingLanes.Done> grading = grade("--solutions", "--json", json.toString());
            tests.add(DynamicTest.dynamicTest("all solutions, round " + round, () -> {
                Grading g = await(grading);
                String account = g.run().describe();
                assertEquals(0, g.run().exitCode(), "full marks exit 0\n" + account);
                assertEquals(g.maxScore(), g.score(), account);
                int previousEnd = 0; // exercises graded at once are still printed one whole section after another
                for (String id : EXERCISES) {
                    int start = g.run().stdout().indexOf("[" + (EXERCISES.indexOf(id) + 1) + "/" + EXERCISES.size()
                            + "] " + id);
                    assertTrue(start >= previousEnd, "progress line for " + id + ", after the section before\n"
                            + account);
                    previousEnd = g.run().stdout().indexOf("\n" + id + ": ", start);
                    assertTrue(previousEnd > start, "total of " + id + " in its own section\n" + account);
                }
                String results = Files.readString(json);
                assertTrue(results.contains("\"score\": " + g.score()) && results.contains("\"max_score\": "
                        + g.maxScore()) && results.contains("\"visibility\": \"visible\"")
                        && !results.contains("\"status\": \"failed\""), "results.json\n" + results);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCorrectAlternativeGetsFullMarksInEveryRound() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Alternative alternative : alternatives()) {
            for (int round = 1; round <= Kit.PROOF_RUNS; round++) {
                Future<GradingLanes.Done> grading = grade(alternative.id(), "--dir", alternative.dir().toString());
                tests.add(DynamicTest.dynamicTest(alternative.label() + ", round " + round, () -> {
                    Grading g = await(grading);
                    String account = g.run().describe();
                    assertEquals(0, g.run().exitCode(), "a correct design gets full marks and exits 0\n" + account);
                    assertTrue(g.maxScore() > 0 && g.score() == g.maxScore(), account);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theStartersDoNotGetFullMarks() throws IOException {
        Grading g = await(grade());
        String account = g.run().describe();
        assertEquals(1, g.run().exitCode(), account);
        List<Exercises.ReadmeRow> readme = Exercises.readmeRows(Files.readString(Kit.DIR.resolve("README.md")));
        for (String id : EXERCISES) {
            Matcher total = Pattern.compile("^" + Pattern.quote(id) + ": (\\d+)/(\\d+) points", Pattern.MULTILINE)
                    .matcher(g.run().stdout());
            assertTrue(total.find(), "a total for " + id + "\n" + account);
            assertTrue(Integer.parseInt(total.group(1)) < Integer.parseInt(total.group(2)),
                    "the starter of " + id + " must not get full marks\n" + account);
            assertTrue(readme.stream().anyMatch(row -> row.id().equals(id)
                    && row.points() == Integer.parseInt(total.group(2))),
                    "README's table must give " + id + " the grader's " + total.group(2) + " points");
        }
    }

    @Test
    void aSubmissionThatDoesNotCompileGetsZeroAndTheCompilersFileAndLine() {
        Grading g = await(gradeAsALearner("counter", submission("does-not-compile")));
        String account = g.run().describe();
        assertEquals(1, g.run().exitCode(), account);
        assertEquals(0, g.score(), account);
        assertTrue(g.maxScore() > 0 && g.passed().size() >= 4, "every check listed with 0 points\n" + account);
        assertTrue(g.run().stdout().contains("does-not-compile/ThreadSafeCounter.java:8: error: ';' expected"),
                account);
        assertTrue(!g.run().output().contains("Exception in thread"), "no stack trace\n" + account);
    }

    @Test
    void systemExitInTheLearnersCodeFailsOneCheckAndTheOthersStillRun() {
        Grading g = await(gradeAsALearner("counter", submission("calls-system-exit")));
        String account = g.run().describe();
        assertEquals(1, g.run().exitCode(), account);
        assertTrue(g.run().stdout().contains("Your code ended the JVM (System.exit, called at "
                + "counter.ThreadSafeCounter.value(ThreadSafeCounter.java:14)"), account);
        assertTrue(g.passed().size() >= 4 && g.passed().containsValue(true), "the other checks ran\n" + account);
    }

    @Test
    void anEndlessLoopIsStoppedAndShownWhereItRuns() {
        Grading g = await(gradeAsALearner("counter", submission("endless-loop")));
        String account = g.run().describe();
        assertEquals(1, g.run().exitCode(), account);
        assertTrue(g.run().stdout().contains("Stopped after"), "the watchdog stopped a check\n" + account);
        assertTrue(g.run().stdout().contains("Stopped: the same endless loop as in the check \""),
                "a loop told once is not waited out again by the checks left\n" + account);
        assertTrue(g.run().stdout().contains("is RUNNABLE") && g.run().stdout().contains(
                "counter.ThreadSafeCounter.increment(ThreadSafeCounter.java:"), "where it loops\n" + account);
        assertTrue(g.passed().size() >= 4, "every check reported\n" + account);
    }

    @Test
    void aDeadlockIsStoppedAndExplainedWithTheWaitingThreads() {
        Grading g = await(gradeAsALearner("counter", submission("deadlock")));
        String account = g.run().describe();
        assertEquals(1, g.run().exitCode(), account);
        String out = g.run().stdout();
        assertTrue(out.contains("the calls never finished: a deadlock") && out.contains("value(): <hung>")
                && out.contains("increment(): <hung>"), "model checking finds it on every run\n" + account);
        assertTrue(out.contains("can never finish: your code deadlocks") && out.contains("DEADLOCK: "),
                "real threads: told as soon as they deadlock\n" + account);
        assertTrue(out.contains("is BLOCKED, waiting to enter synchronized on java.lang.Object@")
                && out.contains("held by \""), "who waits for what, held by whom\n" + account);
        assertTrue(out.contains("counter.ThreadSafeCounter.value(ThreadSafeCounter.java:")
                && out.contains("counter.ThreadSafeCounter.increment(ThreadSafeCounter.java:"), account);
    }

    /**
     * A constructor that starts a thread spinning forever: every counter a check creates adds one. The grader stops
     * the check on the number of such threads (not on its 120 s time limit) and shows them once, grouped.
     */
    @Test
    void threadsStartedWithoutEndAreStoppedAndShownGrouped() {
        Grading g = toldInShortWithinTheBound("constructor-starts-spinning-thread");
        String account = g.account();
        String out = g.run().stdout();
        assertTrue(out.contains("Stopped: your code started ") && !out.contains("Stopped after 120 s"),
                "stopped on the threads, not on the time limit\n" + account);
        assertTrue(out.contains(" threads like this one (") && out.contains("is RUNNABLE")
                && out.contains("counter.ThreadSafeCounter.lambda$new$0("), "alike threads grouped\n" + account);
    }

    /**
     * Code that keeps a megabyte per call runs out of the check JVM's heap: the learner reads that, with the limit.
     * Lincheck fails inside its own code on this class (it keeps a static list); that check says it could not run
     * and blames no exception on the learner's code.
     */
    @Test
    void runningOutOfMemoryIsNamedAndAToolsOwnFailureIsNotBlamedOnTheLearner() {
        Grading g = toldInShortWithinTheBound("runs-out-of-memory");
        String account = g.account();
        String out = g.run().stdout();
        assertTrue(out.contains("Your code ran out of memory (the heap limit is "), account);
        assertTrue(!out.contains("Your code threw java.util.ConcurrentModificationException")
                && !out.contains("your code hangs"), "no tool's exception blamed on the learner\n" + account);
    }

    /**
     * A static initializer that never finishes (it sleeps for good, or joins a thread that uses its class): the class
     * can never be used, so it is told once, in seconds, and the other checks are not run - not each waiting its time
     * limit out.
     */
    @Test
    void aStaticInitializerThatNeverFinishesIsToldOnce() {
        for (String name : List.of("static-initializer-never-ends", "static-initializer-waits-for-its-own-thread")) {
            Grading g = toldInShortWithinTheBound(name, 25);
            String out = g.run().stdout();
            assertEquals(0, g.score(), g.account());
            assertEquals(1, out.split("The static initializer of ThreadSafeCounter \\(its static fields' initial"
                    + " values and its static \\{ \\} blocks\\) has run for ", -1).length - 1, "told once\n"
                    + g.account());
            assertTrue(out.contains("at counter.ThreadSafeCounter.<clinit>(ThreadSafeCounter.java:"), "where it is\n"
                    + g.account());
            assertEquals(g.passed().size() - 1, out.split("Not run: a static initializer of your code never finished",
                    -1).length - 1, "every other check: not run\n" + g.account());
        }
    }

    /**
     * A constructor that never returns, in the object JUnit makes before a check starts (a check's field), where no
     * check's time limit runs: told in seconds, once, naming the constructor; the checks left are not run.
     */
    @Test
    void aConstructorThatNeverReturnsIsToldOnce() {
        Grading g = toldInShortWithinTheBound("constructor-never-returns", 60);
        String out = g.run().stdout();
        assertEquals(0, g.score(), g.account());
        String told = "Your constructor (new ThreadSafeCounter(...), at counter.ThreadSafeCounter.<init>("
                + "ThreadSafeCounter.java:";
        assertEquals(1, out.split(Pattern.quote(told), -1).length - 1, "told once, where it is\n"
                + g.account());
        assertTrue(out.contains("Not run: your constructor never returned in the check "), "the checks left: not run\n"
                + g.account());
        assertTrue(!out.contains("could not run"), "not blamed on the grader\n" + g.account());
    }

    /**
     * A constructor that starts 3,000 threads that sleep for good: no CPU, no heap - told as threads, in seconds, not
     * as a lack of memory once the machine can start no more.
     */
    @Test
    void sleepingThreadsWithoutEndAreToldAsThreads() {
        Grading g = toldInShortWithinTheBound("constructor-starts-3000-sleeping-threads", 40);
        String out = g.run().stdout();
        assertTrue(out.contains("Stopped: your code started ") && out.contains(" thread(s) of its own that are still"
                + " alive") && out.contains(" threads like this one (") && out.contains("is TIMED_WAITING"),
                "told as threads, grouped\n" + g.account());
        assertTrue(!out.contains("ran out of memory"), "not as memory\n" + g.account());
    }

    /**
     * A correct counter that prints 100,000 characters on every increment: the report stays short (the last lines,
     * each cut), the capture costs the grader nothing it would blame, and what took the time is named.
     */
    @Test
    void whatTheCodePrintsIsBoundedAndNeverBlamedAsMemory() {
        Grading g = toldInShort("prints-100000-characters-per-call", 60); // correct but slow to print: any points
        String out = g.run().stdout();
        assertTrue(!out.contains("ran out of memory"), "the capture fills no heap\n" + g.account());
        assertTrue(out.contains("Your code printed ") && out.contains(" characters in ") && out.contains(
                "... (99,"), "how much it printed, the last lines cut\n" + g.account());
        assertTrue(g.passed().entrySet().stream().filter(e -> !e.getValue()).allMatch(e -> out.contains(
                "printed")), "a check it failed names the printing\n" + g.account());
    }

    /** Windows Notepad's habits: a byte-order mark and CRLF compile (full marks); UTF-16 is told in one line. */
    @Test
    void aFileSavedByNotepadCompilesAndUtf16IsToldInOneLine() throws IOException {
        Grading notepad = await(gradeAsALearner("counter", submission("saved-by-notepad")));
        assertEquals(0, notepad.run().exitCode(), notepad.account());
        Path dir = tempDir("utf-16");
        String text = new String(Files.readAllBytes(Path.of(submission("saved-by-notepad"), "ThreadSafeCounter.java")),
                StandardCharsets.UTF_8).replace("\uFEFF", "");
        Files.write(dir.resolve("ThreadSafeCounter.java"), text.getBytes(StandardCharsets.UTF_16));
        Grading utf16 = await(gradeAsALearner("counter", dir.toString()));
        String out = utf16.run().stdout();
        assertEquals(1, utf16.run().exitCode(), utf16.account());
        assertTrue(out.contains("ThreadSafeCounter.java:1: error: the file is saved as UTF-16 (Notepad calls it"
                + " \"Unicode\"); javac reads UTF-8.") && !out.contains("illegal character"), utf16.account());
    }

    /**
     * A list whose appendIfAbsent takes the read lock and then the write lock of one ReentrantReadWriteLock: its first
     * one-thread call waits for itself. Told in about a second with what it waits for, and the checks left that make
     * the same call are told at once - before, every check waited its limit out (no verdict after 300 s).
     */
    @Test
    void aCallThatWaitsForItsOwnThreadIsToldWithWhatItWaitsFor() {
        Variant variant = Variant.all(Kit.DIR, "buggy").stream()
                .filter(v -> v.name().equals("append-if-absent-upgrades-read-lock")).findFirst().orElseThrow();
        Path dir = variant.materialise(Kit.DIR, tempDir(variant.name()));
        Grading g = await(gradeAsALearner("list", dir.toString()));
        String out = g.run().stdout();
        assertTrue(out.contains("appendIfAbsent (ThreadSafeList.java:") && out.contains(") waits for the write lock"
                + " while its own thread holds the read lock (1 hold) of the same ReentrantReadWriteLock. A read lock"
                + " cannot be upgraded"), "what it waits for, and why\n" + g.account());
        assertTrue(out.contains("Stopped: the same wait as in the check \""), "the same hang told at once later\n"
                + g.account());
        assertTrue(!out.contains("Stopped after 30 s") && !out.contains("Stopped after 120 s")
                && g.took().compareTo(HOSTILE_BOUND) < 0, "no time limit waited out\n" + g.account());
    }

    /**
     * A hostile counter, graded as a learner runs it: it loses points, told in a short report (at most {@code lines}
     * lines, under {@link #REPORT_BYTES}) within the bound.
     */
    private static Grading toldInShortWithinTheBound(String submission, int lines) {
        Grading g = toldInShort(submission, lines);
        assertEquals(1, g.run().exitCode(), g.account());
        return g;
    }

    /** A counter graded as a learner runs it: a short report within the bound, whatever its points. */
    private static Grading toldInShort(String submission, int lines) {
        Grading g = await(gradeAsALearner("counter", submission(submission)));
        assertTrue(g.run().stdout().lines().count() < lines, "a short report\n" + g.account());
        assertTrue(g.run().stdout().getBytes(StandardCharsets.UTF_8).length < REPORT_BYTES, "under " + REPORT_BYTES
                + " bytes\n" + g.account());
        assertTrue(g.took().compareTo(HOSTILE_BOUND) < 0, "told within " + HOSTILE_BOUND + "\n" + g.account());
        return g;
    }

    /** A hostile counter, told in fewer than 40 lines (the earlier submissions'). */
    private static Grading toldInShortWithinTheBound(String submission) {
        return toldInShortWithinTheBound(submission, 40);
    }

    /**
     * A static initializer that appends a PASS for every check to the check JVM's events file and halts the JVM gave
     * an unguarded counter full marks before the grader read the learner's classes: now it is refused before it runs.
     */
    @Test
    void aSubmissionThatWritesFilesIsRefusedBeforeItRuns() {
        Grading g = await(gradeAsALearner("counter", submission("forges-the-results")));
        String account = g.account();
        assertEquals(1, g.run().exitCode(), account);
        assertEquals(0, g.score(), account);
        assertTrue(g.maxScore() > 0 && g.passed().size() >= 4, "every check listed with 0 points\n" + account);
        assertTrue(g.run().stdout().contains("Your code uses Java APIs that no exercise needs, so the grader did not"
                + " run it (0 points)") && g.run().stdout().contains("forges-the-results/ThreadSafeCounter.java:20: "
                + "java.nio.file.Path, java.nio.file.OpenOption, java.nio.file.StandardOpenOption, java.nio.file.Files"
                + " (files)"), "what was refused, with file and line\n" + account);
    }

    /**
     * The second defence, for code the scan might miss: while a check of this submission waits, the test appends a
     * PASS of its own to that check JVM's events file (in the grader's kit-grade-* folder, the one whose compiled
     * class carries the submission's mark). The line has no signature of the JVM's key, so the grader trusts none
     * of that JVM's results.
     */
    @Test
    void aResultThatTheChecksDidNotWriteIsNotTrusted() throws Exception {
        String name = "waits-while-its-results-are-forged";
        Future<GradingLanes.Done> grading = GRADERS.process(TIMEOUT, "grade", "counter", "--dir", submission(name),
                "--only", "A new counter is 0");
        long asked = System.currentTimeMillis() - 1000; // a folder of this grading is younger (mtime, 1 s leeway)
        Path forged = null;
        while (forged == null && !grading.isDone()) {
            forged = startedEventsFile(name, asked);
            Thread.sleep(100);
        }
        assertTrue(forged != null, "the check JVM's events file was never found");
        Files.writeString(forged, "1\tPASS\tkit.checks.counter.CounterThreadTest#countsOneThread\t\tforged\n",
                StandardOpenOption.APPEND);
        Grading g = await(grading);
        String account = g.account();
        assertEquals(1, g.run().exitCode(), account);
        assertEquals(0, g.score(), account);
        assertTrue(g.run().stdout().contains("Something other than the grader wrote into the file where this JVM"
                + " reports its checks' results"), account);
    }

    /**
     * The events file of a running check JVM grading the class marked {@code mark}, once a check has started, in a
     * grader folder made since {@code sinceMillis} (a killed grading of the same class can leave an older one behind).
     */
    private static Path startedEventsFile(String mark, long sinceMillis) throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("kit-grade-")
                    && d.toFile().lastModified() >= sinceMillis).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    Path compiled = dir.resolve("classes/counter/ThreadSafeCounter.class");
                    if (Files.isRegularFile(compiled) && new String(Files.readAllBytes(compiled),
                            StandardCharsets.ISO_8859_1).contains(mark)) {
                        for (Path file : files.filter(f -> f.getFileName().toString().startsWith("events-")).toList()) {
                            if (Files.readString(file).contains("\tSTART\t")) {
                                return file;
                            }
                        }
                    }
                } catch (IOException gone) { // another grading's folder, deleted while we looked
                }
            }
        }
        return null;
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() {
        for (String[] args : List.of(new String[] {"grade", "no-such-exercise"}, new String[] {"grade", "--hint"},
                new String[] {"grade", "counter", "--bogus"})) {
            Kit.Run run = Kit.jbang(TIMEOUT, args);
            assertEquals(2, run.exitCode(), run.describe());
            List<String> lines = run.stderr().lines().filter(l -> !l.startsWith("[jbang]") && !l.isBlank()).toList();
            assertEquals(1, lines.size(), "one line (JBang's own build notes aside)\n" + run.describe());
            assertTrue(lines.get(0).startsWith("error: "), run.describe());
        }
    }

    @Test
    void hintPrintsTheExercisesHints() {
        Kit.Run run = Kit.jbang(TIMEOUT, "grade", "counter", "--hint");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.stdout().startsWith("# Hints for `counter`") && run.stdout().contains("\n1. "),
                run.describe());
    }

    /** A correct alternative design of an exercise, as a folder holding the learner's class. */
    record Alternative(String id, String name, Path dir) {
        String label() {
            return id + "/" + name;
        }
    }

    /**
     * The correct alternatives: tests/correct/&lt;id&gt;/&lt;name&gt;/ (a whole class) and
     * tests/correct/&lt;id&gt;/&lt;name&gt;.patch (written into a temporary folder; one that no longer applies fails
     * here, with its name).
     */
    static List<Alternative> alternatives() {
        List<Alternative> all = new ArrayList<>();
        try (Stream<Path> folders = Files.walk(Kit.DIR.resolve("tests/correct"), 2)) {
            folders.filter(f -> f.getNameCount() - Kit.DIR.getNameCount() == 4 && Files.isDirectory(f)).forEach(f ->
                    all.add(new Alternative(f.getParent().getFileName().toString(), f.getFileName().toString(), f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Variant patch : Variant.all(Kit.DIR, "correct")) {
            all.add(new Alternative(patch.exercise(), patch.name(), patch.materialise(Kit.DIR,
                    tempDir(patch.name()))));
        }
        all.sort(Comparator.comparing(Alternative::label));
        return all;
    }

    private static String submission(String name) {
        return Kit.DIR.resolve("tests/submissions/counter").resolve(name).toString();
    }

    private static Path tempFile(String name) {
        return tempDir("grader-test").resolve(name);
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
