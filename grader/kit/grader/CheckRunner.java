package kit.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * check that runs past its time limit (with a thread dump) and halts this JVM; a shutdown hook reports a
 * {@code System.exit} from the learner's code; and when threads the learner's code started are still running after
 * a check, it halts so that the grader starts a fresh JVM for the remaining checks.
 *
 * <p>Arguments: {@code <events file> <learner package> <class#method=seconds>...}
 */
public final class CheckRunner implements TestExecutionListener {
    private static final int MAX_PRINTED_LINES = 20;

    private final EventLog events;
    private final String learnerPackage;
    private final Map<String, Integer> limits;
    private final List<String> finished = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private volatile String current;
    private volatile long startedNanos;

    private CheckRunner(EventLog events, String learnerPackage, Map<String, Integer> limits) {
        this.events = events;
        this.learnerPackage = learnerPackage;
        this.limits = limits;
    }

    public static void main(String[] args) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (String arg : Arrays.asList(args).subList(2, args.length)) {
            int eq = arg.lastIndexOf('=');
            limits.put(arg.substring(0, eq), Integer.parseInt(arg.substring(eq + 1)));
        }
        CheckRunner runner = new CheckRunner(new EventLog(Path.of(args[0])), args[1], limits);
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
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(limits.keySet().stream().map(key -> selectMethod(key)).toList())
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        try {
            launcher.execute(request, this);
        } catch (Throwable e) { // an Error JUnit does not contain, e.g. OutOfMemoryError
            String key = current;
            if (key != null) {
                events.write(EventLog.Type.FAIL, key, FailureText.of(e, learnerPackage));
            }
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        String key = keyOf(id);
        if (key != null) {
            printed.reset();
            startedNanos = System.nanoTime();
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
            String text = result.getThrowable().map(t -> FailureText.of(t, learnerPackage)).orElse("failed");
            events.write(EventLog.Type.FAIL, key, text + printedByCode());
        }
        if (learnersThreadsStillRun()) {
            Runtime.getRuntime().halt(0); // the grader goes on in a fresh JVM, undisturbed by them
        }
    }

    private void failUnfinished(TestExecutionResult result) {
        String text = result.getThrowable().map(t -> FailureText.of(t, learnerPackage)).orElse("failed");
        for (String key : limits.keySet()) {
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

    private boolean learnersThreadsStillRun() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < deadline) {
            boolean running = Thread.getAllStackTraces().entrySet().stream()
                    .anyMatch(e -> e.getKey() != Thread.currentThread() && e.getKey().isAlive()
                            && Arrays.stream(e.getValue())
                                    .anyMatch(f -> f.getClassName().startsWith(learnerPackage + ".")));
            if (!running) {
                return false;
            }
            sleep(50);
        }
        return true;
    }

    private void watch() {
        while (true) {
            sleep(200);
            String key = current;
            if (key != null && System.nanoTime() - startedNanos > TimeUnit.SECONDS.toNanos(limits.get(key))) {
                events.write(EventLog.Type.FAIL, key, "Stopped after " + limits.get(key) + " s: the check did not "
                        + "finish, so your code hangs - a deadlock, a wait that is never signalled, or an endless "
                        + "loop. What each thread was doing:\n" + ThreadReport.describe(learnerPackage)
                        + printedByCode());
                Runtime.getRuntime().halt(0);
            }
        }
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
}
