package kit.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --stress}: after the usual checks, runs the exercise's jcstress tests (grader/stress/&lt;id&gt;/, one class
 * each) against the learner's class, compiled from the learner's file. Each test is a check with its own points; a
 * FORBIDDEN outcome fails it, and the feedback is jcstress's outcome table and the CPU it ran on. A test that needs
 * more CPUs than this machine has is skipped (0 points: nothing was verified). jcstress's HTML report is kept in
 * results/stress-&lt;id&gt;/.
 */
final class StressGrader {
    /** Every stress test's name (its @Description) starts with this, so --only jcstress selects them all. */
    static final String NAME_PREFIX = "jcstress";
    private final KitPaths paths;
    private final List<String> only;

    StressGrader(KitPaths paths, List<String> only) {
        this.paths = paths;
        this.only = List.copyOf(only);
    }

    /** The stress checks' results; {@code problem} is the usual grading's problem (e.g. no compile), or empty. */
    List<CheckResult> grade(Exercise exercise, Path sourceDir, String problem, Console console) {
        Path testDir = paths.root().resolve("grader/stress").resolve(exercise.id());
        List<StressTestSource> tests = StressTestSource.find(testDir, exercise).stream()
                .filter(t -> only.isEmpty() || only.stream().anyMatch(t.name()::contains)).toList();
        if (tests.isEmpty()) {
            console.line("-- jcstress: no stress test of " + exercise.id() + (only.isEmpty() ? "" : " matches --only")
                    + " (grader/README.md says which fit and why)");
            return List.of();
        }
        console.line("-- jcstress on this machine: " + Machine.describe());
        List<CheckResult> results = new ArrayList<>();
        List<StressTestSource> runnable = new ArrayList<>();
        int cpus = Runtime.getRuntime().availableProcessors();
        for (StressTestSource test : tests) {
            if (!problem.isEmpty() || !Files.isRegularFile(sourceDir.resolve(exercise.fileName()))) {
                results.add(CheckResult.failed(test.name(), test.points(), "Not run: " + (problem.isEmpty()
                        ? "there is no " + paths.show(sourceDir.resolve(exercise.fileName())) + "." : "see the problem "
                        + "above.")));
            } else if (test.threads() > cpus) {
                results.add(CheckResult.skipped(test.name(), test.points(), cpus + " CPU" + (cpus == 1 ? "" : "s")
                        + " here, this test needs " + test.threads() + ". jcstress runs each thread of a test on a "
                        + "CPU of its own, so it cannot run this test here; it earns no points, because nothing was "
                        + "verified. Run --stress on a machine with " + test.threads() + " CPUs or more."));
            } else {
                runnable.add(test);
            }
        }
        if (!runnable.isEmpty()) {
            results.addAll(run(exercise, sourceDir, runnable, console));
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

    private List<CheckResult> run(Exercise exercise, Path sourceDir, List<StressTestSource> tests, Console console) {
        Path workDir = createTempDir();
        try {
            Path classes = workDir.resolve("classes");
            List<Path> sources = new ArrayList<>(KitPaths.javaFiles(sourceDir));
            tests.forEach(t -> sources.add(t.file()));
            long start = System.nanoTime();
            List<JavaCompiler.Error> errors = JavaCompiler.compileWithProcessors(sources, classes,
                    System.getProperty("java.class.path"), paths);
            if (!errors.isEmpty()) {
                String why = "The stress tests do not compile against your class:\n"
                        + String.join("\n", errors.stream().map(JavaCompiler.Error::text).toList());
                return tests.stream().map(t -> CheckResult.failed(t.name(), t.points(), why)).toList();
            }
            Path reportDir = paths.root().resolve("results").resolve("stress-" + exercise.id());
            KitPaths.deleteRecursively(reportDir);
            console.line("   (running " + tests.size() + " jcstress test" + (tests.size() == 1 ? "" : "s")
                    + ": about 10 s each; report: " + paths.show(reportDir.resolve("index.html")) + ")");
            List<CheckResult> results = new ArrayList<>();
            List<StressTestSource> pending = new ArrayList<>(tests);
            while (!pending.isEmpty()) {
                JcstressRun.Outcome outcome = JcstressRun.run(pending.stream().map(StressTestSource::className)
                        .toList(), classes, reportDir, workDir, exercise.packageName());
                List<StressTestSource> rerun = new ArrayList<>();
                for (StressTestSource test : pending) {
                    JcstressRun.Report report = outcome.reports().get(test.className());
                    if (report != null) {
                        results.add(StressVerdict.of(test, report, paths.show(reportDir)));
                    } else if (outcome.hung().isEmpty()) {
                        results.add(CheckResult.failed(test.name(), test.points(), StressVerdict.noResult(
                                outcome.output())));
                    } else if (outcome.hung().contains(test.className())) {
                        results.add(CheckResult.failed(test.name(), test.points(), StressVerdict.hung(
                                outcome.hung())));
                    } else {
                        rerun.add(test);
                    }
                }
                if (rerun.size() == pending.size()) { // killed, and no test was seen hanging: do not loop
                    rerun.forEach(t -> results.add(CheckResult.failed(t.name(), t.points(),
                            StressVerdict.hung(outcome.hung()))));
                    rerun.clear();
                }
                pending = rerun;
            }
            Timing.report(exercise.id() + " jcstress", start);
            return results;
        } finally {
            KitPaths.deleteRecursively(workDir);
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

    /** The machine jcstress ran on, as the learner should know it: architecture, CPUs, JVM. */
    static final class Machine {
        private Machine() {}

        static String describe() {
            int cpus = Runtime.getRuntime().availableProcessors();
            return System.getProperty("os.arch") + ", " + cpus + " CPU" + (cpus == 1 ? "" : "s") + ", Java "
                    + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("java.vm.vendor") + ")";
        }
    }
}
