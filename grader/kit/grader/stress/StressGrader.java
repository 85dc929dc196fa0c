package kit.grader.stress;

import kit.grader.host.CheckResult;
import kit.grader.host.JavaCompiler;
import kit.grader.host.Timing;
import kit.grader.layout.Exercise;
import kit.grader.layout.KitLayout;
import kit.grader.report.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * {@code --stress}: after the usual checks, runs the exercise's jcstress tests (grader/stress/&lt;id&gt;/, one class
 * each) against the learner's class, compiled from the learner's file. Each test is a check with its own points; a
 * FORBIDDEN outcome fails it, and the feedback is jcstress's outcome table and the CPU it ran on. A test that needs
 * more CPUs than this machine has is skipped (0 points: nothing was verified). jcstress's HTML report is kept in
 * results/stress-&lt;id&gt;/.
 */
public final class StressGrader {
    /** Every stress test's name (its @Description) starts with this, so --only jcstress selects them all. */
    public static final String NAME_PREFIX = "jcstress";
    private final KitLayout paths;
    private final List<String> only;
    private final Map<String, CheckResult> ranAhead = new HashMap<>();

    public StressGrader(KitLayout paths, List<String> only) {
        this.paths = paths;
        this.only = List.copyOf(only);
    }

    /**
     * For several exercises at once: runs all their stress tests in one jcstress (one start-up and VM probe, ~5 s,
     * instead of one per exercise); {@link #grade} then reports them. If a learner's file is missing or the whole
     * does not compile, nothing is run ahead and each exercise runs its own tests.
     */
    public void runAhead(Map<Exercise, Path> sourceDirs, Console console) {
        List<Path> sources = new ArrayList<>();
        List<StressTestSource> tests = new ArrayList<>();
        for (Map.Entry<Exercise, Path> entry : sourceDirs.entrySet()) {
            if (!Files.isRegularFile(entry.getValue().resolve(entry.getKey().fileName()))) {
                return;
            }
            sources.addAll(KitLayout.javaFiles(entry.getValue()));
            tests.addAll(selected(entry.getKey()).stream().filter(StressGrader::fits).toList());
        }
        if (tests.isEmpty()) {
            return;
        }
        Path reportDir = paths.stressReportDir(Optional.empty());
        console.line("-- jcstress: running the " + tests.size() + " stress tests of " + sourceDirs.size()
                + " exercises in one jcstress (about 5 s each; report: " + paths.show(reportDir.resolve("index.html"))
                + ")\n");
        Ran ran = run(sources, tests, reportDir, "all");
        ranAhead.putAll(ran.results());
    }

    /** The stress checks' results; {@code problem} is the usual grading's problem (e.g. no compile), or empty. */
    public List<CheckResult> grade(Exercise exercise, Path sourceDir, String problem, Console console) {
        List<StressTestSource> tests = selected(exercise);
        if (tests.isEmpty()) {
            console.line("-- jcstress: no stress test of " + exercise.id() + (only.isEmpty() ? "" : " matches --only")
                    + " (grader/README.md says which fit and why)");
            return List.of();
        }
        console.line("-- jcstress on this machine: " + JcstressMachine.describe());
        List<CheckResult> results = new ArrayList<>();
        List<StressTestSource> toRun = new ArrayList<>();
        int cpus = Runtime.getRuntime().availableProcessors();
        for (StressTestSource test : tests) {
            if (!problem.isEmpty() || !Files.isRegularFile(sourceDir.resolve(exercise.fileName()))) {
                results.add(CheckResult.failed(test.name(), test.points(), "Not run: " + (problem.isEmpty()
                        ? "there is no " + paths.show(sourceDir.resolve(exercise.fileName())) + "." : "see the problem "
                        + "above.")));
            } else if (!fits(test)) {
                results.add(CheckResult.skipped(test.name(), test.points(), cpus + " CPU" + (cpus == 1 ? "" : "s")
                        + " here, this test needs " + test.threads() + ". jcstress runs each thread of a test on a "
                        + "CPU of its own, so it cannot run this test here; it earns no points, because nothing was "
                        + "verified. Run --stress on a machine with " + test.threads() + " CPUs or more."));
            } else if (ranAhead.containsKey(test.className())) {
                results.add(ranAhead.get(test.className()));
            } else {
                toRun.add(test);
            }
        }
        if (!toRun.isEmpty()) {
            List<Path> sources = new ArrayList<>(KitLayout.javaFiles(sourceDir));
            Path reportDir = paths.stressReportDir(Optional.of(exercise));
            console.line("   (running " + toRun.size() + " jcstress test" + (toRun.size() == 1 ? "" : "s")
                    + ": about 10 s each; report: " + paths.show(reportDir.resolve("index.html")) + ")");
            Ran ran = run(sources, toRun, reportDir, exercise.id());
            String why = "The stress tests do not compile against your class:\n"
                    + String.join("\n", ran.errors().stream().map(JavaCompiler.Error::text).toList());
            toRun.forEach(t -> results.add(ran.errors().isEmpty() ? ran.results().get(t.className())
                    : CheckResult.failed(t.name(), t.points(), why)));
        }
        results.sort((a, b) -> tests.indexOf(byName(tests, a.name())) - tests.indexOf(byName(tests, b.name())));
        for (CheckResult result : results) {
            console.result(result);
            if (result.passed()) {
                console.detail(result.output());
            }
        }
        return results;
    }

    private List<StressTestSource> selected(Exercise exercise) {
        return StressTestSource.find(paths.stressTestsDir(exercise), exercise).stream()
                .filter(t -> only.isEmpty() || only.stream().anyMatch(t.name()::contains)).toList();
    }

    /** jcstress runs each thread of a test on a CPU of its own; with too few it runs nothing ("No matching tests"). */
    private static boolean fits(StressTestSource test) {
        return test.threads() <= Runtime.getRuntime().availableProcessors();
    }

    /** What one compile-and-run gave: compile errors (then nothing ran), or each test's result by class name. */
    private record Ran(List<JavaCompiler.Error> errors, Map<String, CheckResult> results) {}

    /**
     * Compiles the learner's sources with the tests (jcstress's annotation processor generates their harness) and
     * runs jcstress over them. When a test hangs, jcstress is killed and the tests it had not finished run again.
     */
    private Ran run(List<Path> learnerSources, List<StressTestSource> tests, Path reportDir, String label) {
        Path workDir = createTempDir();
        try {
            Path classes = workDir.resolve("classes");
            List<Path> sources = new ArrayList<>(learnerSources);
            tests.forEach(t -> sources.add(t.file()));
            long start = System.nanoTime();
            List<JavaCompiler.Error> errors = JavaCompiler.compileWithProcessors(sources, classes,
                    System.getProperty("java.class.path"), paths);
            if (!errors.isEmpty()) {
                return new Ran(errors, Map.of());
            }
            KitLayout.deleteRecursively(reportDir);
            Map<String, CheckResult> results = new HashMap<>();
            List<StressTestSource> pending = new ArrayList<>(tests);
            while (!pending.isEmpty()) {
                JcstressRun.Outcome outcome = JcstressRun.run(pending.stream().map(StressTestSource::className)
                        .toList(), classes, reportDir, workDir);
                List<StressTestSource> rerun = new ArrayList<>();
                for (StressTestSource test : pending) {
                    JcstressRun.Report report = outcome.reports().get(test.className());
                    if (report != null) {
                        results.put(test.className(), StressVerdict.of(test, report, paths.show(reportDir)));
                    } else if (outcome.hung().isEmpty()) {
                        results.put(test.className(), CheckResult.failed(test.name(), test.points(),
                                StressVerdict.noResult(outcome.output())));
                    } else if (outcome.hung().contains(test.className())) {
                        results.put(test.className(), CheckResult.failed(test.name(), test.points(),
                                StressVerdict.hung(outcome.hung())));
                    } else {
                        rerun.add(test);
                    }
                }
                if (rerun.size() == pending.size()) { // killed, and no test was seen hanging: do not loop
                    rerun.forEach(t -> results.put(t.className(), CheckResult.failed(t.name(), t.points(),
                            StressVerdict.hung(outcome.hung()))));
                    rerun.clear();
                }
                pending = rerun;
            }
            Timing.report(label + " jcstress", start);
            return new Ran(List.of(), results);
        } finally {
            KitLayout.deleteRecursively(workDir);
        }
    }

    private static StressTestSource byName(List<StressTestSource> tests, String name) {
        return tests.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("kit-stress-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
