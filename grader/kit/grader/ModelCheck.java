package kit.grader;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * Lincheck model checking with the grader's settings, for checks: it runs short concurrent scenarios of a test
 * class's {@code @Operation} methods under many thread interleavings and fails if some outcome cannot be explained
 * by the operations happening one at a time (or if the threads hang). It does not depend on the CPU count or on
 * timing. It assumes sequential consistency, so it cannot see a missing {@code volatile}; check visibility with a
 * JIT-warmed thread check instead.
 */
public final class ModelCheck {
    private static final int DEFAULT_SCENARIOS = 10;
    private static final String HUNG = "In one interleaving of the two threads' steps, the calls never finished: a "
            + "deadlock (each thread holds a lock the other needs), a lock that is never released, or a loop that "
            + "waits for something that cannot happen.";

    private ModelCheck() {}

    /**
     * Model-checks {@code testClass}; on failure throws an AssertionError whose message is {@code explanation}
     * followed by Lincheck's scenario and interleaving (the grader trims its detailed trace).
     */
    public static void verify(Class<?> testClass, String explanation) {
        verify(testClass, DEFAULT_SCENARIOS, explanation);
    }

    /**
     * As {@link #verify(Class, String)}, with {@code scenarios} random scenarios (Lincheck's iterations). Raise it
     * when a bug needs two particular operations in parallel and the class has many: each scenario is random.
     */
    public static void verify(Class<?> testClass, int scenarios, String explanation) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(scenarios)
                .invocationsPerIteration(1000)
                .threads(2)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(1);
        try {
            options.check(testClass);
        } catch (AssertionError e) {
            String report = String.valueOf(e.getMessage());
            String what = report.contains("= The execution has hung =") ? HUNG : explanation;
            throw new AssertionError(what + "\n\nLincheck's evidence - the operations each thread ran, what they "
                    + "returned, and a step-by-step interleaving that produces it:\n" + report, null);
        }
    }
}
