package kit.grader.host;

import kit.grader.layout.GraderException;
import kit.grader.runner.CheckRunner;
import kit.grader.runner.ClassInitWatch;
import kit.grader.runner.ConstructorWatch;
import kit.grader.runner.EventLog;
import kit.grader.runner.HeapWatch;
import kit.grader.runner.ThreadsOfCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Runs checks in a child JVM ({@link CheckRunner}) and turns its events into results. When the child ends in the
 * middle of a check (System.exit, a crash, the watchdog halting a hung check, or the runner restarting after
 * leftover threads), that check is recorded and a new child runs the checks that remain. One instance serves all
 * JVMs of one exercise: once the learner's code has run out of memory in one of them, has started threads without end,
 * or a static initializer or a constructor of the learner's has not finished, the others are stopped and their
 * remaining checks told why ({@link #STOP_RULES}: code that keeps what it allocates makes every check slow to fail -
 * Lincheck, for one, copies what a static field holds before each run - threads started per object are started again
 * by every check, a class that is never initialized can be used by no check, an object that is never made neither,
 * and the verdict is already clear).
 */
public final class CheckJvmPool {
    private static final long SAFETY_MARGIN_SECONDS = 30;
    /**
     * A verdict (by how it opens) after which the exercise's checks that are left are not run - the verdict is clear,
     * and each of them would only fail the same way, slowly - and what they are told: {@code notRun}, the check that
     * showed it, {@code why}. {@code toldOnce}: JVMs side by side that each see it tell it once, where it was first.
     */
    private record StopRule(String verdict, String notRun, String why, boolean toldOnce) {}

    private static final List<StopRule> STOP_RULES = List.of(
            new StopRule(HeapWatch.explanation(), "Not run: your code ran out of memory",
                    ", so the grader stopped the checks that were left.", false),
            new StopRule(ThreadsOfCode.VERDICT, "Not run: your code started threads without end",
                    "; every check would start them again.", false),
            new StopRule(ClassInitWatch.VERDICT, "Not run: a static initializer of your code never finished",
                    ", so no check can use your class.", true),
            new StopRule(ConstructorWatch.VERDICT, "Not run: your constructor never returned",
                    ", and every check makes your object.", true));
    /** How the learner is told that the grader or the machine failed, not their code. */
    static final String COULD_NOT_RUN = "The check could not run: ";
    static final String NOT_YOURS = "\nThis says nothing about your code, so the check's points are missing. Grade"
            + " again; if it happens every time, show this to your teacher.";
    /** What the learner reads when the JVM's events file holds lines the grader's runner did not write. */
    static final String FORGED = "Something other than the grader wrote into the file where this JVM reports its"
            + " checks' results (a line without the grader's signature): the grader trusts none of this JVM's results,"
            + " and these checks get 0 points. Your code must not write files.";

    private final Path classesDir;
    private final Path workDir;
    private final String learnerPackage;
    private final CheckJvmCommand launch;
    private final Path tmpDir;
    /** Where the exercise's check JVMs share the waits and loops they have told (runner's KnownStops). */
    private final Path knownStops;
    /**
     * Why the exercise's checks that have not ended are not run on (the learner's code ran out of memory, or its static
     * initializer never finished), or null.
     */
    private final AtomicReference<String> stopped = new AtomicReference<>();

    public CheckJvmPool(Path classesDir, Path workDir, String learnerPackage, CheckJvmCommand launch) {
        this.classesDir = classesDir;
        this.workDir = workDir;
        this.learnerPackage = learnerPackage;
        this.launch = launch;
        // The checking JVMs' temporary files go into the grading's folder, which the grader deletes: a JVM that ends
        // with Runtime.halt (as CheckRunner does) never deletes its own, and Lincheck leaves a jar per JVM.
        this.tmpDir = launch.writableDir(workDir.resolve("tmp"));
        this.knownStops = launch.writableFile(workDir.resolve("known-stops.txt"));
    }

    /** Runs {@code checks} (one JVM's worth), reporting each result to {@code onResult} as soon as it is known. */
    void run(List<Check> checks, List<String> jvmOptions, BiConsumer<Check, CheckResult> onResult) {
        run(checks, jvmOptions, classesDir, onResult);
    }

    /** Like {@link #run}, on the classes in {@code classes} (the learner's instrumented for the race detector). */
    void run(List<Check> checks, List<String> jvmOptions, Path classes, BiConsumer<Check, CheckResult> onResult) {
        Map<String, Check> remaining = new LinkedHashMap<>();
        checks.forEach(c -> remaining.put(c.key(), c));
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            if (stopped.get() != null) {
                failRemaining(remaining, onResult, stopped.get());
                return;
            }
            int before = remaining.size();
            Path log = runOnce(remaining, jvmOptions, classes, onResult, attempt);
            if (remaining.size() == before) { // the child made no progress: do not loop
                failRemaining(remaining, onResult, COULD_NOT_RUN + "its JVM ended before starting it." + said(log)
                        + NOT_YOURS);
            }
        }
    }

    /** Runs one JVM over {@code remaining}, removing what it reported; returns the JVM's own output file. */
    private Path runOnce(Map<String, Check> remaining, List<String> jvmOptions, Path classes,
            BiConsumer<Check, CheckResult> onResult, int attempt) {
        Path events = launch.writableFile(workDir.resolve("events-" + attempt + "-" + System.nanoTime() + ".txt"));
        Path log = workDir.resolve("jvm-" + attempt + "-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(launch.commandPrefix());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CheckJvmFlags.ALL);
        command.addAll(launch.archiveFlags());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.add("-Dkit.grader.knownStops=" + knownStops);
        command.add("-cp");
        command.add(launch.classPath() + File.pathSeparator + classes);
        command.add(CheckRunner.class.getName());
        command.add(events.toString());
        command.add(learnerPackage);
        long budgetSeconds = SAFETY_MARGIN_SECONDS;
        for (Check check : remaining.values()) {
            command.add(check.key() + "=" + check.timeLimitSeconds() + "," + check.cpuLimitSeconds());
            budgetSeconds += check.timeLimitSeconds();
        }
        Set<String> started = new HashSet<>();
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) { // the machine's trouble (no processes or memory left), not the learner's code
            failRemaining(remaining, onResult, COULD_NOT_RUN + "the grader could not start a JVM for it ("
                    + e.getMessage() + ")." + NOT_YOURS);
            return log;
        }
        try {
            // Its only input: the key that signs its events; then the pipe is closed (the checks never read System.in).
            byte[] signingKey = EventLog.handOverKey(process);
            long launched = System.nanoTime();
            long deadline = launched + TimeUnit.SECONDS.toNanos(budgetSeconds);
            int seen = 0;
            boolean killed = false;
            try {
                while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    seen = consume(events, signingKey, seen, remaining, started, onResult, launched);
                    if (stopped.get() != null) {
                        kill(process);
                        consume(events, signingKey, seen, remaining, started, onResult, launched);
                        failRemaining(remaining, onResult, stopped.get());
                        return log;
                    }
                    if (System.nanoTime() > deadline) {
                        kill(process);
                        killed = true;
                        break;
                    }
                }
                consume(events, signingKey, seen, remaining, started, onResult, launched);
            } catch (EventLog.Forged forged) {
                kill(process);
                failRemaining(remaining, onResult, FORGED);
                return log;
            }
            for (String key : started) {
                if (remaining.containsKey(key)) {
                    Check check = remaining.remove(key);
                    onResult.accept(check, CheckResult.failed(check.name(), check.points(),
                            killed ? "The check did not finish within " + budgetSeconds + " s and the grader had "
                                    + "to kill it: your code hangs (deadlock, endless loop, or a wait that is "
                                    + "never signalled)."
                                    : jvmEnded(process.exitValue(), log)));
                }
            }
            return log;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraderException("interrupted");
        }
    }

    /** Records every check in {@code remaining} as failed, for {@code why}, and empties it. */
    private static void failRemaining(Map<String, Check> remaining, BiConsumer<Check, CheckResult> onResult,
            String why) {
        remaining.values().forEach(c -> onResult.accept(c, CheckResult.failed(c.name(), c.points(), why)));
        remaining.clear();
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    private int consume(Path events, byte[] key, int seen, Map<String, Check> remaining, Set<String> started,
            BiConsumer<Check, CheckResult> onResult, long launched) {
        List<EventLog.Event> all = EventLog.read(events, key);
        for (EventLog.Event event : all.subList(seen, all.size())) {
            Check check = remaining.get(event.key());
            if (event.type() == EventLog.Type.START) {
                started.add(event.key());
            } else if (check != null) {
                remaining.remove(event.key());
                Timing.report("  " + check.methodName() + " done, since its JVM started", launched);
                String message = event.message();
                for (StopRule rule : event.type() == EventLog.Type.FAIL ? STOP_RULES : List.<StopRule>of()) {
                    if (message.startsWith(rule.verdict())) {
                        if (!stopped.compareAndSet(null, rule.notRun() + " in the check \"" + check.name()
                                + "\" (see there)" + rule.why()) && rule.toldOnce()
                                && stopped.get().startsWith(rule.notRun())) {
                            message = stopped.get(); // JVMs side by side each saw it: told once, where it was first
                        }
                        break;
                    }
                }
                onResult.accept(check, event.type() == EventLog.Type.PASS
                        ? CheckResult.passed(check.name(), check.points())
                        : CheckResult.failed(check.name(), check.points(), message));
            }
        }
        return all.size();
    }

    private static String jvmEnded(int exitCode, Path log) {
        return "The JVM running this check ended in the middle of it (exit code " + exitCode + "): your code "
                + "ended the JVM (System.exit? Runtime.halt?) or crashed it." + said(log);
    }

    /** The last lines the JVM wrote itself (its errors), to quote; "" if it wrote none. */
    private static String said(Path log) {
        List<String> lines = readLines(log).stream().filter(l -> !l.startsWith("WARNING:")).toList();
        return lines.isEmpty() ? "" : "\nThe JVM said:\n" + String.join("\n", lines.subList(Math.max(0,
                lines.size() - 8), lines.size()));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
