package kit.grader.host;

import kit.grader.instrument.Instrumenter;
import kit.grader.layout.Exercise;
import kit.grader.layout.GraderException;
import kit.grader.layout.KitLayout;
import kit.grader.layout.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Grades one exercise: reads the rule, compiles the learner's files together with the grader's own checks into a
 * temporary folder (the learner's folder is never written to), refuses learner classes that use APIs no exercise
 * needs ({@link ForbiddenApis}: they could forge the results), and runs the check classes in JVMs of their own
 * ({@link JvmGroup}), several at once when there are CPUs for them ({@link CpuSlots}). Several exercises may be
 * graded at once by one grader: their compilations and check JVMs share its CPUs.
 * With {@code --only TEXT}, only the checks whose names contain one of the texts run (and count).
 */
public final class ExerciseGrader {
    private final KitLayout paths;
    private final List<String> only;
    private final CpuSlots jvms = new CpuSlots();

    public ExerciseGrader(KitLayout paths, List<String> only) {
        this.paths = paths;
        this.only = List.copyOf(only);
    }

    /** How many exercises this grader can usefully grade at once: one per CPU. */
    public int exercisesAtOnce() {
        return jvms.atOnce();
    }

    private boolean selected(String checkName) {
        return only.isEmpty() || only.stream().anyMatch(checkName::contains);
    }

    /** Hears of a problem that stops all checks, and of each check as soon as it is decided. */
    public interface Listener {
        void problem(String text);

        void result(CheckResult result);
    }

    /** Grades the files in {@code sourceDir}. */
    public ExerciseResult grade(Exercise exercise, Path sourceDir, Listener listener) {
        List<Path> checkSources = KitLayout.javaFiles(paths.checksDir(exercise));
        if (checkSources.isEmpty()) {
            throw new GraderException("no checks for " + exercise.id() + " in "
                    + paths.show(paths.checksDir(exercise)));
        }
        List<Path> learnerSources = KitLayout.javaFiles(sourceDir);
        String source = paths.show(sourceDir.resolve(exercise.fileName()));
        List<CheckResult> results = new ArrayList<>();
        Consumer<CheckResult> record = r -> {
            results.add(r);
            listener.result(r);
        };
        if (!Files.isRegularFile(sourceDir.resolve(exercise.fileName()))) {
            String problem = "There is no " + source + " to grade.";
            listener.problem(problem);
            failAll(exercise, checkSources, problem, record);
            return new ExerciseResult(exercise, source, results, problem);
        }
        Path workDir = createTempDir();
        try {
            Path classes = workDir.resolve("classes");
            Set<String> learnerClasses = new HashSet<>();
            String problem = jvms.onCpu(() -> compileAndScan(exercise, learnerSources, checkSources, classes,
                    learnerClasses));
            if (!problem.isEmpty()) {
                listener.problem(problem);
                failAll(exercise, checkSources, problem, record);
                return new ExerciseResult(exercise, source, results, problem);
            }
            exercise.rule().filter(rule -> selected(RuleCheck.name(rule)))
                    .ifPresent(rule -> record.accept(RuleCheck.run(rule, learnerSources, paths)));
            List<CheckDiscovery.CheckClass> checkClasses = CheckDiscovery.find(classes, exercise).stream()
                    .map(c -> c.only(this::selected)).filter(c -> !c.checks().isEmpty()).toList();
            CheckJvmPool jvm = new CheckJvmPool(classes, workDir, exercise.packageName(), CheckJvmCommand.in(workDir));
            ResultOrder inOrder = new ResultOrder(checkClasses, record);
            RaceClasses raceClasses = new RaceClasses(classes, workDir.resolve("race-classes"), learnerClasses);
            jvms.runAll(JvmGroup.of(checkClasses), group -> {
                long groupStart = System.nanoTime();
                Path groupClasses = group.detectsRaces() ? raceClasses.get(exercise) : classes;
                jvm.run(group.checks(), group.jvmOptionsWithRaceHooks(), groupClasses, inOrder::accept);
                Timing.report(exercise.id() + " " + group.name(), groupStart);
            });
            if (results.isEmpty()) {
                throw new UsageException("--only " + String.join(", ", only) + ": no check of " + exercise.id()
                        + " has such a name");
            }
            return new ExerciseResult(exercise, source, results, "");
        } finally {
            KitLayout.deleteRecursively(workDir);
        }
    }

    /**
     * What {@link #grade} does before its first check JVM starts, and nothing after: the grader JVM's training run
     * ({@link GraderTraining}).
     */
    void prepare(Exercise exercise, Path sourceDir) {
        Path workDir = createTempDir();
        try {
            Path classes = workDir.resolve("classes");
            String problem = compileAndScan(exercise, KitLayout.javaFiles(sourceDir),
                    KitLayout.javaFiles(paths.checksDir(exercise)), classes, new HashSet<>());
            if (!problem.isEmpty()) {
                throw new GraderException(problem);
            }
            CheckDiscovery.find(classes, exercise);
        } finally {
            KitLayout.deleteRecursively(workDir);
        }
    }

    /**
     * Compiles the learner's and the checks' sources into {@code classes}; the problem that stops them, or "". Adds
     * the internal names of the classes compiled from the learner's files to {@code learnerClasses}.
     */
    private String compileAndScan(Exercise exercise, List<Path> learnerSources, List<Path> checkSources,
            Path classes, Set<String> learnerClasses) {
        List<Path> all = new ArrayList<>(learnerSources);
        all.addAll(checkSources);
        long compileStart = System.nanoTime();
        Map<String, Path> classSources = new HashMap<>();
        List<JavaCompiler.Error> errors = JavaCompiler.compile(all, classes, System.getProperty("java.class.path"),
                paths, classSources);
        Timing.report(exercise.id() + " compile", compileStart);
        classSources.forEach((name, file) -> {
            if (learnerSources.contains(file)) {
                learnerClasses.add(name.replace('.', '/'));
            }
        });
        long scanStart = System.nanoTime();
        String problem = errors.isEmpty() ? ForbiddenApis.problem(classes, classSources, learnerSources, paths)
                : compileProblem(errors, learnerSources);
        Timing.report(exercise.id() + " scan", scanStart);
        return problem;
    }

    private String compileProblem(List<JavaCompiler.Error> errors, List<Path> learnerSources) {
        List<String> learners = errors.stream().filter(e -> learnerSources.contains(e.file()))
                .map(JavaCompiler.Error::text).toList();
        if (!learners.isEmpty()) {
            return "Your code does not compile, so no check can run (0 points). The compiler said:\n"
                    + String.join("\n", learners);
        }
        return "Your code compiles, but the grader's checks cannot use it: did you change the package, the class "
                + "name, or a method's name, parameters or return type? The exercise's README gives them exactly. "
                + "The compiler said:\n" + String.join("\n", errors.stream().map(JavaCompiler.Error::text).toList());
    }

    private void failAll(Exercise exercise, List<Path> checkSources, String problem, Consumer<CheckResult> record) {
        String note = "Not run: " + (problem.startsWith("Your code does not compile") ? "your code does not compile."
                : "see the problem above.");
        exercise.rule().filter(rule -> selected(RuleCheck.name(rule))).ifPresent(rule -> record.accept(
                CheckResult.failed(RuleCheck.name(rule), rule.points(), note)));
        for (Check check : jvms.onCpu(() -> checksOf(exercise, checkSources))) {
            if (selected(check.name())) {
                record.accept(CheckResult.failed(check.name(), check.points(), note));
            }
        }
    }

    /**
     * The exercise's checks, found as a grading finds them ({@link CheckDiscovery}) but compiled against the
     * exercise's starter file, which always compiles: the list of checks a learner's file cannot be graded by.
     */
    private List<Check> checksOf(Exercise exercise, List<Path> checkSources) {
        Path workDir = createTempDir();
        try {
            Path classes = workDir.resolve("classes");
            List<Path> sources = new ArrayList<>(checkSources);
            sources.add(paths.starter(exercise));
            List<JavaCompiler.Error> errors = JavaCompiler.compile(sources, classes,
                    System.getProperty("java.class.path"), paths);
            if (!errors.isEmpty()) {
                throw new GraderException("the checks of " + exercise.id() + " do not compile against its starter "
                        + paths.show(paths.starter(exercise)) + ":\n" + String.join("\n",
                        errors.stream().map(JavaCompiler.Error::text).toList()));
            }
            return CheckDiscovery.find(classes, exercise).stream().flatMap(c -> c.checks().stream()).toList();
        } finally {
            KitLayout.deleteRecursively(workDir);
        }
    }

    /**
     * The classes of a grading instrumented for the race detector, made once, when the first check class marked
     * {@link kit.grader.api.DetectsRaces} is about to run: the learner's classes in learner mode, the checks in
     * harness mode ({@link Instrumenter}), into a folder beside the plain classes, which the other check JVMs keep.
     */
    private static final class RaceClasses {
        private final Path classes;
        private final Path instrumented;
        private final Set<String> learnerClasses;
        private boolean made;

        RaceClasses(Path classes, Path instrumented, Set<String> learnerClasses) {
            this.classes = classes;
            this.instrumented = instrumented;
            this.learnerClasses = Set.copyOf(learnerClasses);
        }

        synchronized Path get(Exercise exercise) {
            if (!made) {
                long start = System.nanoTime();
                Instrumenter.instrument(classes, instrumented, learnerClasses, ExerciseGrader.class.getClassLoader(),
                        1);
                Timing.report(exercise.id() + " instrument", start);
                made = true;
            }
            return instrumented;
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("kit-grade-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
