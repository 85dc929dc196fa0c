package kit.grader.api;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * Same class, same points: a check that judges real threads (lost updates counted, producers and consumers at work)
 * sees a race only when the scheduler happens to switch threads inside its window - on one CPU, or on a busy
 * machine, that is luck. So such a check does not stop at "nothing went wrong this time": it also fails when a model
 * check of the same contract fails, which explores the interleavings and so fails on every run. A class that breaks
 * the contract then loses the same points on every run, whatever the real threads showed.
 *
 * <p>The model checks run through {@link #check}, which keeps each one's verdict for the rest of the JVM, so a
 * real-thread check after them ({@link #failing}) costs no second model check; one that runs alone ({@code --only}, or
 * in a new JVM after a check left threads behind) runs those it needs itself. Lincheck is seeded, so a model check
 * run twice gives the same verdict.
 */
public final class ModelVerdicts {
    private static final String MISSED = "Real threads did not show it this time - they show a race only when the"
            + " scheduler switches threads at the wrong moment, which in one run may not happen (on one CPU it seldom"
            + " does) - but the model checker, which tries the interleavings one by one, found it";
    private static final String SAME_POINTS = "This check fails with it, so that your points do not depend on the"
            + " timing of one run.";
    /** Each model check's failure by its class and method, or empty once it passed; for this JVM. */
    private static final Map<String, Optional<AssertionError>> VERDICTS = new LinkedHashMap<>();

    /**
     * The CPU time of the model checks run here, which a check's CPU limit does not count, guarded by itself: the
     * nanoseconds of those done, and the JVM's CPU time when the one running started (-1: none runs).
     */
    private static final long[] MODEL_CHECK_CPU = {0, -1};

    private ModelVerdicts() {}

    /**
     * The CPU time the model checks run in this JVM have used, the one running included, given the JVM's CPU time now
     * ({@code processCpuNanos}): the grader's own work, which a real-thread check that runs them itself (alone, with
     * {@code --only}) must not count against its {@link TimeLimit#cpuSeconds}. The check JVM's watchdog asks.
     */
    public static long modelCheckCpuNanos(long processCpuNanos) {
        synchronized (MODEL_CHECK_CPU) {
            long running = MODEL_CHECK_CPU[1] < 0 ? 0 : Math.max(0, processCpuNanos - MODEL_CHECK_CPU[1]);
            return MODEL_CHECK_CPU[0] + running;
        }
    }

    private static void runUncounted(Runnable modelCheck) {
        long start = processCpuNanos();
        synchronized (MODEL_CHECK_CPU) {
            MODEL_CHECK_CPU[1] = start;
        }
        try {
            modelCheck.run();
        } finally {
            long end = processCpuNanos();
            synchronized (MODEL_CHECK_CPU) {
                MODEL_CHECK_CPU[0] += Math.max(0, end - start);
                MODEL_CHECK_CPU[1] = -1;
            }
        }
    }

    /** The CPU time of this JVM so far (every thread, the JIT's too), or -1 where the JVM cannot tell. */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /**
     * Runs {@code modelCheck}, the body of the check method {@code method} of {@code checks} (which fails by throwing
     * an AssertionError), once per JVM; throws its failure, also when it ran before. The check method calls this.
     */
    public static synchronized void check(Class<?> checks, String method, Runnable modelCheck) {
        String key = checks.getName() + "#" + method;
        Optional<AssertionError> verdict = VERDICTS.get(key);
        if (verdict == null) {
            try {
                runUncounted(modelCheck);
                verdict = Optional.empty();
            } catch (AssertionError failure) {
                verdict = Optional.of(failure);
            }
            VERDICTS.put(key, verdict);
        }
        if (verdict.isPresent()) {
            throw verdict.get();
        }
    }

    /**
     * The DisplayNames of those model checks of {@code checks} that fail, given as method name -> body (as for
     * {@link #check}), in their order; each runs here unless it ran before in this JVM.
     */
    public static List<String> failing(Class<?> checks, Map<String, Runnable> modelChecks) {
        List<String> failing = new ArrayList<>();
        modelChecks.forEach((method, modelCheck) -> {
            try {
                check(checks, method, modelCheck);
            } catch (AssertionError failure) {
                failing.add(displayName(checks, method));
            }
        });
        return failing;
    }

    private static String displayName(Class<?> checks, String method) {
        try {
            DisplayName name = checks.getDeclaredMethod(method).getAnnotation(DisplayName.class);
            return name == null ? method : name.value();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(checks.getName() + " has no check method " + method, e);
        }
    }

    /**
     * What a real-thread check says when it saw nothing wrong but the model checks named {@code failing} (from
     * {@link #failing}) did: which check shows the bug, and why real threads may not.
     */
    public static String shownBy(List<String> failing) {
        return MISSED + ": see the check" + (failing.size() > 1 ? "s" : "") + " \"" + String.join("\", \"", failing)
                + "\". " + SAME_POINTS;
    }

    /**
     * What a real-thread check says when it saw nothing wrong but its own model check of the same calls found
     * {@code report} (Lincheck's scenario and interleaving).
     */
    public static String shownBy(String report) {
        return MISSED + ". " + SAME_POINTS + "\n\n" + report;
    }
}
