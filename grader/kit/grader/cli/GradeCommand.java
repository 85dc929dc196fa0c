package kit.grader.cli;

import kit.grader.host.CheckResult;
import kit.grader.host.CpuSlots;
import kit.grader.host.ExerciseGrader;
import kit.grader.host.ExerciseResult;
import kit.grader.host.GradingRun;
import kit.grader.layout.Exercise;
import kit.grader.layout.GraderException;
import kit.grader.layout.KitLayout;
import kit.grader.layout.UsageException;
import kit.grader.report.Console;
import kit.grader.report.ResultFiles;
import kit.grader.report.SectionsInOrder;
import kit.grader.stress.StressGrader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The grader's command line: reads the arguments, grades, prints, writes result files, returns the exit code. */
public final class GradeCommand {
    static final String USAGE = "usage: ./jbang grade [<exercise>] [--solutions | --dir DIR] [--only TEXT]... "
            + "[--hint] [--json FILE] [--classroom] [--stress]";

    private GradeCommand() {}

    /** Exit code: 0 full marks, 1 points missing, 2 bad arguments, 3 the grader itself failed. */
    static int run(Console console, KitLayout paths, String[] args) {
        Options options = Options.parse(paths, args);
        if (options.help) {
            console.line(USAGE + "\n  exercises: " + paths.ids());
            return 0;
        }
        if (options.hint) {
            return printHints(console, paths, options.exercise.orElseThrow());
        }
        return grade(console, paths, options);
    }

    private static int grade(Console console, KitLayout paths, Options options) {
        List<Exercise> exercises = options.exercise.map(List::of).orElse(paths.exercises());
        ExerciseGrader grader = new ExerciseGrader(paths, options.only);
        Optional<Progress> progress = options.dir.isEmpty() && !options.solutions ? Optional.of(Progress.load(paths))
                : Optional.empty(); // only gradings of the learner's own files count as progress
        StressGrader stress = new StressGrader(paths, options.only);
        if (options.stress && exercises.size() > 1) {
            Map<Exercise, Path> dirs = new LinkedHashMap<>();
            exercises.forEach(exercise -> dirs.put(exercise, sourceDir(options, paths, exercise)));
            stress.runAhead(dirs, console);
        }
        List<Optional<ExerciseResult>> graded = gradeAll(exercises, options, paths, grader, stress);
        List<ExerciseResult> results = new ArrayList<>();
        for (Optional<ExerciseResult> result : graded) {
            result.ifPresent(r -> {
                results.add(r);
                progress.ifPresent(p -> p.record(r, options.only.isEmpty()));
            });
        }
        boolean graderFailed = graded.stream().anyMatch(Optional::isEmpty);
        if (exercises.size() > 1) {
            console.summary(results);
            progress.ifPresent(p -> p.report().forEach(console::line));
        }
        options.json.ifPresent(file -> ResultFiles.writeGradescope(file, results));
        if (options.classroom) {
            ResultFiles.writeClassroom(results);
        }
        if (graderFailed) {
            return 3;
        }
        return results.stream().allMatch(ExerciseResult::fullMarks) ? 0 : 1;
    }

    /**
     * Grades each exercise, as many at once as the grader has CPUs (one at a time with --stress: jcstress wants every
     * CPU); each exercise's output is printed complete and in order, as if they were graded one after another.
     * Empty for an exercise whose grading failed.
     */
    private static List<Optional<ExerciseResult>> gradeAll(List<Exercise> exercises, Options options, KitLayout paths,
            ExerciseGrader grader, StressGrader stress) {
        SectionsInOrder sections = new SectionsInOrder(new FileOutputStream(FileDescriptor.out), exercises.size());
        ExecutorService pool = Executors.newFixedThreadPool(options.stress ? 1 : grader.exercisesAtOnce());
        try {
            List<Future<Optional<ExerciseResult>>> gradings = new ArrayList<>();
            for (int i = 0; i < exercises.size(); i++) {
                int index = i;
                gradings.add(pool.submit(() -> {
                    Optional<ExerciseResult> result = gradeOne(exercises, index, options, paths, grader, stress,
                            new Console(sections.section(index)));
                    sections.complete(index);
                    return result;
                }));
            }
            return CpuSlots.join(gradings);
        } catch (RuntimeException e) { // e.g. --only naming no check of an exercise: the later ones stop unprinted
            pool.shutdownNow();
            GradingRun.killChildProcesses();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Grades the exercise at {@code index}, printing to {@code console}; empty if the grader failed. */
    private static Optional<ExerciseResult> gradeOne(List<Exercise> exercises, int index, Options options,
            KitLayout paths, ExerciseGrader grader, StressGrader stress, Console console) {
        Exercise exercise = exercises.get(index);
        if (exercises.size() > 1) {
            console.line("[" + (index + 1) + "/" + exercises.size() + "] " + exercise.id());
        }
        Path dir = sourceDir(options, paths, exercise);
        console.start(exercise, paths.show(dir.resolve(exercise.fileName())));
        try {
            ExerciseResult result = stressOnly(options) ? new ExerciseResult(exercise, paths.show(dir.resolve(
                    exercise.fileName())), List.of(), "") : grader.grade(exercise, dir, console);
            if (options.stress) {
                List<CheckResult> checks = new ArrayList<>(result.checks());
                checks.addAll(stress.grade(exercise, dir, result.problem(), console));
                result = new ExerciseResult(exercise, result.source(), checks, result.problem());
            }
            console.total(result);
            return Optional.of(result);
        } catch (GraderException e) {
            console.line("grader error: " + e.getMessage() + "\n");
            return Optional.empty();
        }
    }

    private static Path sourceDir(Options options, KitLayout paths, Exercise exercise) {
        return options.dir.orElseGet(() -> options.solutions ? paths.solutionDir(exercise)
                : paths.exerciseDir(exercise));
    }

    /** --stress with only --only texts naming stress tests ("--only jcstress"): the usual checks do not run. */
    private static boolean stressOnly(Options options) {
        return options.stress && !options.only.isEmpty()
                && options.only.stream().allMatch(text -> text.startsWith(StressGrader.NAME_PREFIX));
    }

    private static int printHints(Console console, KitLayout paths, Exercise exercise) {
        Path hints = paths.hints(exercise);
        try {
            console.line(Files.readString(hints).strip());
            return 0;
        } catch (IOException e) {
            throw new GraderException("no hints for " + exercise.id() + " (" + paths.show(hints) + ")");
        }
    }

    /** The parsed arguments. */
    private static final class Options {
        Optional<Exercise> exercise = Optional.empty();
        Optional<Path> dir = Optional.empty();
        Optional<Path> json = Optional.empty();
        List<String> only = new ArrayList<>();
        boolean solutions;
        boolean hint;
        boolean classroom;
        boolean stress;
        boolean help;

        static Options parse(KitLayout paths, String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--solutions" -> o.solutions = true;
                    case "--hint", "--hints" -> o.hint = true;
                    case "--classroom" -> o.classroom = true;
                    case "--stress" -> o.stress = true;
                    case "-h", "--help" -> o.help = true;
                    case "--dir" -> o.dir = Optional.of(Path.of(value(args, ++i, arg)).toAbsolutePath());
                    case "--json" -> o.json = Optional.of(Path.of(value(args, ++i, arg)));
                    case "--only" -> o.only.add(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new UsageException("unknown option " + arg + "; " + USAGE);
                        }
                        if (o.exercise.isPresent()) {
                            throw new UsageException("grade one exercise or all, not " + o.exercise.get().id()
                                    + " and " + arg + "; " + USAGE);
                        }
                        o.exercise = Optional.of(paths.exercise(arg).orElseThrow(() -> new UsageException(
                                "no exercise '" + arg + "'; the exercises are: " + paths.ids())));
                    }
                }
            }
            if (o.solutions && o.dir.isPresent()) {
                throw new UsageException("--solutions and --dir both say where the files are: give one");
            }
            if ((o.dir.isPresent() || o.hint) && o.exercise.isEmpty()) {
                throw new UsageException((o.hint ? "--hint" : "--dir") + " needs an exercise, e.g. ./jbang grade "
                        + "counter " + (o.hint ? "--hint" : "--dir DIR") + "; the exercises are: " + paths.ids());
            }
            if (o.dir.isPresent() && !Files.isDirectory(o.dir.get())) {
                throw new UsageException("--dir " + o.dir.get() + " is not a folder");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new UsageException(option + " needs a value; " + USAGE);
            }
            return args[i];
        }
    }
}
