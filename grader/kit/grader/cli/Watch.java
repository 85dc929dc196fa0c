package kit.grader.cli;

import kit.grader.host.CheckResult;
import kit.grader.host.ExerciseGrader;
import kit.grader.host.ExerciseResult;
import kit.grader.host.GradingRun;
import kit.grader.layout.Exercise;
import kit.grader.layout.KitLayout;
import kit.grader.layout.UsageException;
import kit.grader.report.Console;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@code ./jbang watch}: the learner's loop, as in rustlings. Starts at the first exercise without full marks (or
 * the one named), grades it, and grades it again each time the learner saves one of its files; a save during a
 * grading cancels that grading (and kills its JVMs) and starts a new one. Failing checks come first, with their
 * feedback. Full marks are recorded in the progress file and the next exercise follows. Keys, each followed by
 * Enter: {@code h} the next hint, {@code r} grade again, {@code q} quit. Ctrl-C also leaves no JVM behind.
 *
 * <p>Everything happens on one thread, one event at a time: saves, keys and finished gradings are put into one
 * queue, so a grading that was cancelled can never show its result.
 */
final class Watch {
    static final String USAGE = "usage: ./jbang watch [<exercise>] [--poll]   (--poll: look for saves every half "
            + "second instead of relying on file events, e.g. in a folder mounted into a container)";
    private static final String KEYS = "Keys, then Enter: h = next hint, r = grade again, q = quit";

    private sealed interface Event {}

    private record Saved(Exercise exercise) implements Event {}

    private record Graded(GradingRun run, GradingRun.Outcome outcome) implements Event {}

    private record Typed(String line) implements Event {}

    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    private final Console console;
    private final KitLayout paths;
    private final Progress progress;
    private final ExerciseGrader grader;
    private final boolean poll;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private Exercise exercise;
    private SourceWatcher watcher;
    private int hintsShown;
    private GradingRun run;          // guarded by this: the shutdown hook cancels it
    private boolean closing;         // guarded by this

    private Watch(Console console, KitLayout paths, boolean poll) {
        this.console = console;
        this.paths = paths;
        this.progress = Progress.load(paths);
        this.grader = new ExerciseGrader(paths, List.of());
        this.poll = poll;
    }

    static int run(Console console, KitLayout paths, String[] args) {
        Optional<Exercise> chosen = Optional.empty();
        boolean poll = false;
        for (String arg : args) {
            if (arg.equals("--poll")) {
                poll = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                console.line(USAGE + "\n  exercises: " + paths.ids());
                return 0;
            } else if (arg.startsWith("-") || chosen.isPresent()) {
                throw new UsageException("unexpected " + arg + "; " + USAGE);
            } else {
                chosen = Optional.of(paths.exercise(arg).orElseThrow(() -> new UsageException("no exercise '" + arg
                        + "'; the exercises are: " + paths.ids())));
            }
        }
        Watch watch = new Watch(console, paths, poll);
        Optional<Exercise> first = chosen.or(() -> watch.progress.next(Optional.empty()));
        if (first.isEmpty()) {
            console.line("All " + paths.exercises().size() + " exercises have full marks. To work on one again: "
                    + "./jbang watch <exercise>");
            return 0;
        }
        return watch.loop(first.get());
    }

    private int loop(Exercise first) {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "watch-exit")); // Ctrl-C
        readKeys();
        switchTo(first);
        while (true) {
            Event event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                close();
                return 130;
            }
            switch (event) {
                case Saved saved when saved.exercise() == exercise -> {
                    out.println();
                    out.println(running() ? "Saved again: the grading in progress is cancelled, a new one starts."
                            : "Saved: grading again.");
                    grade();
                }
                case Graded graded when graded.run() == currentRun() -> {
                    if (!show(graded.outcome())) {
                        close();
                        return 0;
                    }
                }
                case Typed typed -> {
                    switch (typed.line().strip().toLowerCase(Locale.ROOT)) {
                        case "h", "hint" -> showHint();
                        case "r" -> grade();
                        case "q", "quit", "exit" -> {
                            close();
                            out.println("Bye. Your progress is kept in " + Progress.FILE_NAME + ".");
                            return 0;
                        }
                        default -> out.println(KEYS);
                    }
                }
                default -> { } // a save of an exercise left behind, or the end of a cancelled grading
            }
        }
    }

    private void switchTo(Exercise next) {
        if (watcher != null) {
            watcher.close();
        }
        exercise = next;
        hintsShown = 0;
        Path dir = paths.exerciseDir(next);
        watcher = new SourceWatcher(dir, poll, () -> events.add(new Saved(next)));
        out.println();
        out.println("=== Exercise " + (paths.exercises().indexOf(next) + 1) + " of " + paths.exercises().size() + ": "
                + next.id() + " - the task: " + paths.show(dir.resolve("README.md")));
        out.println("Edit " + paths.show(dir.resolve(next.fileName())) + "; every save is graded"
                + (watcher.usesFileEvents() ? "." : " (looking for saves every half second)."));
        grade();
    }

    /** Starts a grading of the current exercise, cancelling one in progress. */
    private void grade() {
        GradingRun previous;
        synchronized (this) {
            if (closing) {
                return;
            }
            previous = run;
            run = null;
        }
        if (previous != null) {
            previous.cancel();
        }
        out.println("Grading " + exercise.id() + "...");
        synchronized (this) {
            if (!closing) {
                run = GradingRun.start(grader, exercise, paths.exerciseDir(exercise), quietListener(),
                        (finished, outcome) -> events.add(new Graded(finished, outcome)));
            }
        }
    }

    private synchronized GradingRun currentRun() {
        return run;
    }

    private boolean running() {
        GradingRun current = currentRun();
        return current != null && current.running();
    }

    /** Cancels the grading in progress and stops watching; runs on quit and as the shutdown hook (Ctrl-C). */
    private void close() {
        GradingRun current;
        synchronized (this) {
            closing = true;
            current = run;
        }
        if (current != null) {
            current.cancel();
        }
        GradingRun.killChildProcesses();
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Shows a finished grading; false when there is nothing left to do. */
    private boolean show(GradingRun.Outcome outcome) {
        out.println();
        if (outcome.result() == null) {
            out.println("grader error: " + outcome.graderError());
            out.println("Save again to retry, or q to quit. " + KEYS);
            return true;
        }
        ExerciseResult result = outcome.result();
        progress.record(result, true);
        console.start(exercise, result.source());
        if (!result.problem().isEmpty()) {
            console.problem(result.problem());
        }
        result.checks().stream().sorted(Comparator.comparing(CheckResult::passed)).forEach(console::result);
        console.total(result);
        if (!result.fullMarks()) {
            out.println("Fix what failed first (top), save, and it is graded again. Hints one at a time: h, all of "
                    + "them: ./jbang grade " + exercise.id() + " --hint");
            out.println(KEYS);
            return true;
        }
        out.println(exercise.id() + " is done: full marks, recorded in " + Progress.FILE_NAME + ".");
        Optional<Exercise> next = progress.next(Optional.of(exercise));
        if (next.isEmpty()) {
            out.println("All " + paths.exercises().size() + " exercises have full marks. Well done!");
            return false;
        }
        out.println("On to the next one.");
        switchTo(next.get());
        return true;
    }

    private void showHint() {
        List<String> hints = Hints.of(paths, exercise);
        if (hintsShown >= hints.size()) {
            out.println(hints.isEmpty() ? "This exercise has no hints." : "That was the last hint. All of them: "
                    + "./jbang grade " + exercise.id() + " --hint; the task: "
                    + paths.show(paths.readme(exercise)));
            return;
        }
        hintsShown++;
        out.println("Hint " + hintsShown + " of " + hints.size() + " for " + exercise.id() + ":");
        out.println("  " + hints.get(hintsShown - 1).replace("\n", "\n  "));
    }

    /** During a grading: a dot per check decided, so the learner sees it advance. */
    private ExerciseGrader.Listener quietListener() {
        return new ExerciseGrader.Listener() {
            @Override
            public void problem(String text) {
                // shown with the result
            }

            @Override
            public void result(CheckResult result) {
                out.print(result.passed() ? "." : "x");
                out.flush();
            }
        };
    }

    private void readKeys() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    events.add(new Typed(line));
                }
            } catch (IOException e) {
                // no keyboard: saves still grade, Ctrl-C still quits
            }
        }, "watch-keys");
        reader.setDaemon(true);
        reader.start();
    }
}
