package kit.grader.runner;

import kit.grader.api.Frames;
import kit.grader.api.ThreadReport;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the checking JVM that the grader starts: runs the given checks with the JUnit Platform and
 * reports each to the {@link EventLog}. It guards the grader against the learner's code: a watchdog reports a
 * check that runs past its time limit (with a thread dump), fills the heap, or drowns in threads the learner's code
 * started, and halts this JVM; a shutdown hook reports a
 * {@code System.exit} from the learner's code; and when threads in the learner's code may still run after a check
 * (not merely parked for good), it halts so that the grader starts a fresh JVM for the remaining checks.
 *
 * <p>Arguments: {@code <events file> <learner package> <class#method=seconds,cpuSeconds>...} (cpuSeconds 0: no CPU
 * limit; see {@link TimeLimit})
 */
public final class CheckRunner implements TestExecutionListener {
    private static final int MAX_PRINTED_LINES = 20;
    /**
     * Twice the most threads a correct class runs at once in any check (parallel-map's parallelism 4; no other
     * exercise starts threads). Not more: on a spinning thread of its own per object, the check slows down as they
     * accumulate, and under a model checker every new thread comes later than the last.
     */
    private static final int MAX_THREADS_OF_CODE = 8;
    private static final long WATCH_MILLIS = 200;
    private static final long CROWDED_MILLIS = 1000;
    private static final int PARKED_SAMPLES = 4;

    private final EventLog events;
    private final String learnerPackage;
    private final Map<String, Limit> limits;
    private final List<String> finished = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final HeapWatch heap = new HeapWatch();
    private List<String> running = List.of();
    private volatile String current;
    private volatile long startedNanos;
    private volatile long heapFullAtStart;
    private volatile long cpuAtStart;

    private CheckRunner(EventLog events, String learnerPackage, Map<String, Limit> limits) {
        this.events = events;
        this.learnerPackage = learnerPackage;
        this.limits = limits;
    }

    public static void main(String[] args) {
        Map<String, Limit> limits = new LinkedHashMap<>();
        for (String arg : Arrays.asList(args).subList(2, args.length)) {
            int eq = arg.lastIndexOf('=');
            String[] seconds = arg.substring(eq + 1).split(",");
            limits.put(arg.substring(0, eq), new Limit(Integer.parseInt(seconds[0]), Integer.parseInt(seconds[1])));
        }
        // First, before any class of the learner's is loaded: the key that signs the events (EventLog).
        CheckRunner runner = new CheckRunner(new EventLog(Path.of(args[0]), EventLog.receiveKey(System.in)), args[1],
                limits);
        runner.run();
        Runtime.getRuntime().halt(0); // threads the learner's code left behind must not keep this JVM alive
    }

    private void run() {
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        Runtime.getRuntime().addShutdownHook(new Thread(this::reportExit, "grader-exit-report"));
        Thread watchdog = new Thread(this::watch, "grader-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Launcher launcher = LauncherFactory.create();
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        limits.keySet().forEach(key -> byClass.computeIfAbsent(key.substring(0, key.indexOf('#')),
                c -> new ArrayList<>()).add(key));
        for (List<String> keys : byClass.values()) { // one class after another, in the order given
            running = keys;
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(keys.stream().map(key -> selectMethod(key)).toList())
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .build();
            try {
                launcher.execute(request, this);
            } catch (Throwable e) { // an Error JUnit does not contain, e.g. OutOfMemoryError
                String key = current;
                if (key != null) {
                    events.write(EventLog.Type.FAIL, key, failureText(e));
                }
                return;
            }
        }
    }

    /** What the learner reads about a failure: running out of memory comes first, whatever it made fail. */
    private String failureText(Throwable failure) {
        if (HeapWatch.isOutOfMemory(failure) || heap.fullCount() > heapFullAtStart) {
            return HeapWatch.explanation() + "\n" + FailureText.of(failure, learnerPackage);
        }
        return FailureText.of(failure, learnerPackage);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        String key = keyOf(id);
        if (key != null) {
            printed.reset();
            startedNanos = System.nanoTime();
            cpuAtStart = processCpuNanos();
            heapFullAtStart = heap.fullCount();
            ThreadReport.checkStarts(learnerPackage);
            current = key;
            events.write(EventLog.Type.START, key, "");
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        String key = keyOf(id);
        if (key != null) {
            events.write(EventLog.Type.FAIL, key, "The check was skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String key = keyOf(id);
        if (key == null) {
            if (id.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failUnfinished(result); // e.g. a @BeforeAll failed: its checks never started
            }
            return;
        }
        current = null;
        finished.add(key);
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            events.write(EventLog.Type.PASS, key, "");
        } else {
            String text = result.getThrowable().map(this::failureText).orElse("failed");
            events.write(EventLog.Type.FAIL, key, text + printedByCode());
        }
        if (learnersThreadsStillRun()) {
            Runtime.getRuntime().halt(0); // the grader goes on in a fresh JVM, undisturbed by them
        }
    }

    private void failUnfinished(TestExecutionResult result) {
        String text = result.getThrowable().map(this::failureText).orElse("failed");
        for (String key : running) {
            if (!finished.contains(key)) {
                finished.add(key);
                events.write(EventLog.Type.FAIL, key, "The checks could not start: " + text);
            }
        }
    }

    private String printedByCode() {
        String text = printed.toString(StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "";
        }
        List<String> lines = Arrays.asList(text.split("\n"));
        List<String> last = lines.subList(Math.max(0, lines.size() - MAX_PRINTED_LINES), lines.size());
        return "\n\nYour code printed" + (lines.size() > last.size() ? " (last " + last.size() + " lines)" : "")
                + ":\n" + String.join("\n", last);
    }

    private static String keyOf(TestIdentifier id) {
        return id.isTest() && id.getSource().orElse(null) instanceof MethodSource m
                ? m.getClassName() + "#" + m.getMethodName() : null;
    }

    /**
     * True if a thread still in the learner's code after a check may run again by itself: RUNNABLE (spinning),
     * BLOCKED, or TIMED_WAITING (a sleep-polling loop wakes up on its own). A thread WAITING without a timeout (a
     * take() that ignored its interrupt, a poll() that ignored its timeout) stays parked until another thread
     * signals the object it waits on, and every check makes objects of its own - so it cannot disturb the checks
     * that follow, and they go on in this JVM instead of paying for a new one (for a Lincheck JVM, seconds of
     * instrumenting the JDK again).
     */
    private boolean learnersThreadsStillRun() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        int parkedSamples = 0;
        while (System.nanoTime() < deadline) {
            List<Thread> left = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey() != Thread.currentThread() && e.getKey().isAlive()
                            && Arrays.stream(e.getValue())
                                    .anyMatch(f -> f.getClassName().startsWith(learnerPackage + ".")))
                    .map(Map.Entry::getKey).toList();
            boolean allParked = left.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
            parkedSamples = allParked ? parkedSamples + 1 : 0;
            if (left.isEmpty() || parkedSamples >= PARKED_SAMPLES) { // parked for a while: not a hand-over between two
                return false;
            }
            sleep(50);
        }
        return true;
    }

    /**
     * Stops the running check (a report, then this JVM halts) when it runs past its time limit (wall-clock, or CPU
     * time: {@link TimeLimit#cpuSeconds}), when the heap is
     * full, or when the learner's code keeps more than {@link #MAX_THREADS_OF_CODE} threads of its own running for a
     * second (a thread started per object: they would starve the check of CPU until its time limit).
     */
    private void watch() {
        int crowded = 0;
        while (true) {
            sleep(WATCH_MILLIS);
            String key = current;
            if (key == null) {
                crowded = 0;
                continue;
            }
            long threads = threadsOfCode();
            crowded = threads > MAX_THREADS_OF_CODE ? crowded + 1 : 0;
            if (heap.fullCount() > heapFullAtStart) {
                stop(key, HeapWatch.explanation());
            } else if (crowded * WATCH_MILLIS >= CROWDED_MILLIS) {
                stop(key, threadsStarted(threads));
            } else if (usedMoreCpuThan(limits.get(key).cpuSeconds())) {
                stop(key, threads > 0 ? threadsStarted(threads) : String.format(Locale.ROOT, "Stopped after %.1f s: in"
                        + " that time the check used %d s of CPU, many times what it needs on a correct class, so your"
                        + " code loops without end (or keeps spinning while it waits). What each thread was doing:%n",
                        (System.nanoTime() - startedNanos) / 1e9, limits.get(key).cpuSeconds())
                        + ThreadReport.describe(learnerPackage));
            } else if (System.nanoTime() - startedNanos > TimeUnit.SECONDS.toNanos(limits.get(key).seconds())) {
                stop(key, "Stopped after " + limits.get(key).seconds() + " s: the check did not finish, so your code hangs - "
                        + "a deadlock, a wait that is never signalled, or an endless loop. What each thread was "
                        + "doing:\n" + ThreadReport.describe(learnerPackage));
            }
        }
    }

    private String threadsStarted(long threads) {
        return "Stopped: your code started " + threads + " thread(s) of its own that are still running (the check"
                + " started none of them). A thread started in a constructor or on every call, and never ended, takes"
                + " the CPU from everything else. What the threads were doing:\n" + ThreadReport.describe(learnerPackage);
    }

    private boolean usedMoreCpuThan(int cpuSeconds) {
        long now = processCpuNanos();
        return cpuSeconds > 0 && now >= 0 && now - cpuAtStart > TimeUnit.SECONDS.toNanos(cpuSeconds);
    }

    /** The CPU time of this JVM so far (every thread, the JIT's too), or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private void stop(String key, String why) {
        events.write(EventLog.Type.FAIL, key, why + printedByCode());
        Runtime.getRuntime().halt(0);
    }

    /** Running threads that the learner's code started: the outermost frame that is not the JDK's is the learner's. */
    private long threadsOfCode() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.RUNNABLE).map(Map.Entry::getValue).filter(stack -> {
            for (int depth = stack.length - 1; depth >= 0; depth--) {
                String type = stack[depth].getClassName();
                if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun."))) {
                    return type.startsWith(learnerPackage + ".");
                }
            }
            return false;
        }).count();
    }

    /** Runs as a shutdown hook: the JVM is ending although the runner did not end it, so someone called exit. */
    private void reportExit() {
        String key = current;
        if (key == null) {
            return;
        }
        String caller = Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().equals("java.lang.Runtime")
                        && f.getMethodName().equals("exit")))
                .flatMap(Arrays::stream)
                .filter(f -> f.getClassName().startsWith(learnerPackage + "."))
                .findFirst().map(f -> ", called at " + Frames.format(f)).orElse("");
        events.write(EventLog.Type.FAIL, key, "Your code ended the JVM (System.exit" + caller + "). A class that "
                + "others use must never end the program: throw an exception instead." + printedByCode());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A check's limits: wall-clock seconds, and CPU seconds (0: none). */
    private record Limit(int seconds, int cpuSeconds) {}
}
