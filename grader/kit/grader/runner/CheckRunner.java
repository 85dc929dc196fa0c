package kit.grader.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import kit.grader.api.Frames;
import kit.grader.api.ModelVerdicts;
import kit.grader.api.ThreadReport;
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
 * check that runs past its time limit (with a thread dump), fills the heap, drowns in threads the learner's code
 * started, or is stuck in a static initializer of the learner's or in a constructor JUnit runs to make a check's
 * object, and halts this JVM; a shutdown hook reports a
 * {@code System.exit} from the learner's code; and when threads in the learner's code may still run after a check
 * (not merely parked for good), it halts so that the grader starts a fresh JVM for the remaining checks.
 *
 * <p>Each check runs on a thread of its own (JUnit's separate-thread mode), so that a call into the learner's code
 * that waits for good ({@link HangWatch}: no thread can go on) is told within a second and left behind, parked,
 * while the checks go on in this JVM; code that sleeps while the model checker runs it ({@link SleepUnderModelCheck})
 * is told in seconds, not after the minutes its sleeps add up to, and that model check is ended so that the checks go
 * on in this JVM too. A wait or an endless loop told once is told at once when it comes again, in this JVM or the
 * exercise's next ({@link KnownStops}, {@link LoopWatch}). What the learner's code prints is kept within bounds
 * ({@link CapturedOutput}).
 *
 * <p>Arguments: {@code <events file> <learner package> <class#method=seconds,cpuSeconds>...} (cpuSeconds 0: no CPU
 * limit; see {@link TimeLimit})
 */
public final class CheckRunner implements TestExecutionListener {
    private static final long WATCH_MILLIS = 100;
    private static final long CROWDED_MILLIS = 1000;
    /** Threads alive beyond {@link ThreadsOfCode#MAX_ALIVE} this long: not a burst that is about to end. */
    private static final long SWARM_MILLIS = 200;
    private static final int PARKED_SAMPLES = 4;
    /**
     * A check told hung that has not ended this long after its thread was left behind (or after its sleeping model
     * check was interrupted): this JVM halts.
     */
    private static final long LEAVE_MILLIS = 2000;
    /** Output beyond this while a check uses up its CPU time is named as what took the time. */
    private static final long MUCH_PRINTED = 10_000_000;

    private final EventLog events;
    private final String learnerPackage;
    private final Map<String, Limit> limits;
    private final List<String> finished = new CopyOnWriteArrayList<>(); // the watchdog reads it too
    private final CapturedOutput printed = new CapturedOutput();
    private final HeapWatch heap = new HeapWatch();
    private final HangWatch hangs;
    private final ClassInitWatch classInit;
    private final ConstructorWatch constructors;
    /** The thread that runs JUnit, which makes each check's object (its fields) before the check starts. */
    private final Thread maker = Thread.currentThread();
    private final SleepUnderModelCheck sleeps;
    private final LoopWatch loops;
    private final KnownStops knownStops = KnownStops.fromProperty();
    /** The watchdog's verdict on a hung check and the check's end are taken one at a time. */
    private final Object turn = new Object();
    private volatile List<String> running = List.of();
    private volatile String current;
    private volatile String currentName;
    private Thread junitThread; // guarded by turn: the thread that runs JUnit and waits for each check's thread
    private String hung; // guarded by turn: the verdict on the current check once it was told hung
    private long hungAt;
    private volatile long startedNanos;
    private volatile long heapFullAtStart;
    private volatile long cpuAtStart;

    private CheckRunner(EventLog events, String learnerPackage, Map<String, Limit> limits) {
        this.events = events;
        this.learnerPackage = learnerPackage;
        this.limits = limits;
        this.hangs = new HangWatch(learnerPackage, Thread.getAllStackTraces());
        this.classInit = new ClassInitWatch(learnerPackage);
        this.constructors = new ConstructorWatch(learnerPackage);
        this.sleeps = new SleepUnderModelCheck(learnerPackage);
        this.loops = new LoopWatch(learnerPackage);
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
        System.setOut(printed);
        System.setErr(printed);
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
                    // Each check on a thread of its own, which the runner can leave behind when it waits for good
                    // (the watchdog interrupts JUnit's wait for it); the time limits are the watchdog's, not JUnit's.
                    .configurationParameter("junit.jupiter.execution.timeout.testable.method.default", "1 d")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
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

    /**
     * What the learner reads about a failure: running out of threads or of memory comes first, whatever it made fail.
     */
    private String failureText(Throwable failure) {
        if (ThreadsOfCode.isOutOfThreads(failure)) {
            return ThreadsOfCode.count(Thread.getAllStackTraces(), learnerPackage).outOfThreads(failure) + "\n"
                    + FailureText.of(failure, learnerPackage);
        }
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
            cpuAtStart = countedCpuNanos();
            heapFullAtStart = heap.fullCount();
            ThreadReport.checkStarts(learnerPackage);
            synchronized (turn) {
                junitThread = Thread.currentThread();
                KnownStops.Told told = knownStops.read();
                hangs.checkStarts(Thread.getAllStackTraces(), junitThread);
                hangs.learn(told.of(KnownStops.WAIT));
                loops.checkStarts(told.of(KnownStops.LOOP));
                sleeps.checkStarts();
                sleeps.learn(told.of(KnownStops.SLEEP).keySet());
                hung = null;
                currentName = id.getDisplayName();
                current = key;
            }
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
        String toldHung;
        synchronized (turn) {
            current = null;
            toldHung = hung;
            hung = null;
            Thread.interrupted(); // the watchdog's interrupt, if any, was for this check only
        }
        finished.add(key);
        if (toldHung != null) {
            events.write(EventLog.Type.FAIL, key, toldHung.stripTrailing() + printed.report());
        } else if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            events.write(EventLog.Type.PASS, key, "");
        } else {
            String text = result.getThrowable().map(this::failureText).orElse("failed");
            events.write(EventLog.Type.FAIL, key, text.stripTrailing() + printed.report());
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

    private static String keyOf(TestIdentifier id) {
        return id.isTest() && id.getSource().orElse(null) instanceof MethodSource m
                ? m.getClassName() + "#" + m.getMethodName() : null;
    }

    /**
     * True if a thread still in the learner's code after a check may run again by itself: RUNNABLE (spinning),
     * BLOCKED, or TIMED_WAITING (a sleep-polling loop wakes up on its own; under the model checker of a later check,
     * even a thread that only wakes to wait again made it several times slower). A thread WAITING without a timeout
     * (a take() that ignored its interrupt, a call left behind waiting for good) stays parked until another thread
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
     * time: {@link kit.grader.api.TimeLimit#cpuSeconds}), when the heap is full, when a static initializer of the
     * learner's does not finish ({@link ClassInitWatch}), or when the learner's code keeps more than
     * {@link ThreadsOfCode#MAX_ALIVE} threads of its own alive, or more than {@link ThreadsOfCode#MAX_RUNNING} running
     * for a second (a thread started per object: they would starve the check of CPU until its time limit). A check
     * whose call waits for good ({@link HangWatch}) is told so and left behind; the checks go on in this JVM.
     */
    private void watch() {
        int crowded = 0;
        int swarm = 0;
        while (true) {
            sleep(WATCH_MILLIS);
            String key = current;
            if (key == null) {
                crowded = 0;
                swarm = 0;
                // Between checks JUnit makes the next check's object, whose fields may be the first use of the
                // learner's class: a static initializer or a constructor that never ends there fails the check JUnit
                // was about to run.
                Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
                long now = System.nanoTime();
                Optional<String> neverInitialized = classInit.look(threads, now);
                String next = running.stream().filter(k -> !finished.contains(k)).findFirst().orElse(null);
                Optional<String> neverConstructed = next == null ? Optional.empty()
                        : constructors.look(threads.getOrDefault(maker, new StackTraceElement[0]), next, now);
                if (next != null && (neverInitialized.isPresent() || neverConstructed.isPresent())) {
                    stop(next, neverInitialized.or(() -> neverConstructed).get());
                }
                continue;
            }
            Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
            long now = System.nanoTime();
            ThreadsOfCode ofCode = ThreadsOfCode.count(threads, learnerPackage);
            crowded = ofCode.running > ThreadsOfCode.MAX_RUNNING ? crowded + 1 : 0;
            swarm = ofCode.alive > ThreadsOfCode.MAX_ALIVE ? swarm + 1 : 0;
            Optional<String> neverInitialized = classInit.look(threads, now);
            Optional<String> sleepsUnderModelCheck = sleeps.look(threads);
            if (knownStops.changed()) { // a JVM beside this one may have stopped a loop this check runs too
                KnownStops.Told told = knownStops.read();
                loops.learn(told.of(KnownStops.LOOP));
                sleeps.learn(told.of(KnownStops.SLEEP).keySet());
            }
            Optional<String> loopsAgain = loops.look(threads, countedCpuNanos() - cpuAtStart);
            if (heap.fullCount() > heapFullAtStart) {
                stop(key, HeapWatch.explanation());
            } else if (neverInitialized.isPresent()) {
                stop(key, neverInitialized.get());
            } else if (swarm * WATCH_MILLIS >= SWARM_MILLIS || crowded * WATCH_MILLIS >= CROWDED_MILLIS) {
                stop(key, threadsStarted(ofCode));
            } else if (sleepsUnderModelCheck.isPresent()) {
                endModelCheckThatSleeps(key, sleepsUnderModelCheck.get(), threads, now);
            } else if (loopsAgain.isPresent()) {
                stop(key, loopsAgain.get());
            } else if (usedMoreCpuThan(limits.get(key).cpuSeconds())) {
                if (ofCode.running == 0 && printedMuch().isEmpty()) { // an endless loop: known from now on
                    knownStops.add(KnownStops.LOOP, loops.running(threads), currentName);
                }
                stop(key, ofCode.running > 0 ? threadsStarted(ofCode) : String.format(Locale.ROOT, "Stopped after"
                        + " %.1f s: in that time the check used %d s of CPU, many times what it needs on a correct"
                        + " class, %s What each thread was doing:%n", (now - startedNanos) / 1e9,
                        limits.get(key).cpuSeconds(), printedMuch().orElse("so your code loops without end (or keeps"
                        + " spinning while it waits)."))
                        + ThreadReport.describe(learnerPackage));
            } else if (now - startedNanos > TimeUnit.SECONDS.toNanos(limits.get(key).seconds())) {
                stop(key, "Stopped after " + limits.get(key).seconds() + " s: the check did not finish, "
                        + printedMuch().orElse("so your code hangs - a deadlock, a wait that is never signalled, or an"
                        + " endless loop.") + " What each thread was doing:\n" + ThreadReport.describe(learnerPackage));
            } else {
                watchForHang(key, threads, now);
            }
        }
    }

    /** Tells a hung check and leaves its thread behind; halts if the check does not end even then. */
    private void watchForHang(String key, Map<Thread, StackTraceElement[]> threads, long now) {
        synchronized (turn) {
            if (!key.equals(current)) {
                return;
            }
            if (hung != null) {
                if (now - hungAt > TimeUnit.MILLISECONDS.toNanos(LEAVE_MILLIS)) {
                    stop(key, hung); // its wait for the check's thread did not end: JUnit's own thread is stuck
                }
                return;
            }
            Optional<String> verdict = hangs.look(threads, now, currentName);
            if (verdict.isPresent()) {
                knownStops.add(KnownStops.WAIT, hangs.told(), currentName);
                hung = verdict.get();
                hungAt = now;
                junitThread.interrupt(); // JUnit stops waiting for the check's thread, which stays parked
            }
        }
    }

    /**
     * Tells a check whose model check keeps the learner's code asleep ({@link SleepUnderModelCheck}) and ends that
     * model check: at this look and every one after until the check ends, the threads asleep in the learner's code are
     * interrupted, so that the sleep throws InterruptedException out of the learner's call and Lincheck ends its run
     * with a failure (the check's verdict stays the sleep told). The checks then go on in this JVM, unless threads of
     * the learner's are left that may run ({@link #learnersThreadsStillRun}), instead of paying a new JVM and
     * Lincheck's start; a check that has not ended {@link #LEAVE_MILLIS} after it was told halts this JVM (code that
     * sleeps on although interrupted).
     */
    private void endModelCheckThatSleeps(String key, String verdict, Map<Thread, StackTraceElement[]> threads,
            long now) {
        synchronized (turn) {
            if (!key.equals(current)) {
                return;
            }
            if (hung == null) {
                knownStops.add(KnownStops.SLEEP, Set.of(sleeps.toldPlace()), currentName);
                hung = verdict;
                hungAt = now;
            } else if (now - hungAt > TimeUnit.MILLISECONDS.toNanos(LEAVE_MILLIS)) {
                stop(key, hung);
            }
            sleeps.sleepers(threads).forEach(Thread::interrupt);
        }
    }

    /** Why the check took so long if the code printed so much that this alone may be why; else empty. */
    private Optional<String> printedMuch() {
        long characters = printed.characters();
        return characters < MUCH_PRINTED ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "and your code"
                + " printed %,d characters while it ran: making and printing that much text takes that time by itself"
                + " (the grader keeps only the last lines). Print less, or nothing, in methods that are called often.",
                characters));
    }

    private String threadsStarted(ThreadsOfCode threads) {
        return ThreadsOfCode.VERDICT + threads.alive + " thread(s) of its own that are still alive ("
                + threads.running + " running), and the check started none of them. A thread started in a constructor"
                + " or on every call, and never ended, takes the CPU (or, sleeping, the machine's threads) from"
                + " everything else. What the threads were doing:\n" + ThreadReport.describe(learnerPackage);
    }

    private boolean usedMoreCpuThan(int cpuSeconds) {
        long now = countedCpuNanos();
        return cpuSeconds > 0 && now >= 0 && now - cpuAtStart > TimeUnit.SECONDS.toNanos(cpuSeconds);
    }

    /**
     * The CPU time of this JVM so far (every thread, the JIT's too) but the grader's own work for a check
     * (model checks run for a real-thread check: {@link ModelVerdicts#modelCheckCpuNanos}), or -1 where the JVM
     * cannot tell.
     */
    private static long countedCpuNanos() {
        long now = ModelVerdicts.processCpuNanos();
        return now < 0 ? -1 : now - ModelVerdicts.modelCheckCpuNanos(now);
    }

    private void stop(String key, String why) {
        events.write(EventLog.Type.FAIL, key, why.stripTrailing() + printed.report());
        Runtime.getRuntime().halt(0);
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
                + "others use must never end the program: throw an exception instead." + printed.report());
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
