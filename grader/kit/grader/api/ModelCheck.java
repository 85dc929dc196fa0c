package kit.grader.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Assertions;

/**
 * The one entry point of checks to Lincheck model checking, with the grader's settings. Lincheck runs concurrent
 * scenarios of a class's {@code @Operation} methods under many thread interleavings and finds an outcome that cannot
 * be explained by the operations happening one at a time (or threads that hang). Four ways to choose scenarios:
 * <ul>
 * <li>{@link #verify(Class, int, int, String)}: random scenarios, failing the check with an explanation;
 * <li>{@link #scenario(Class)}: one hand-written scenario, when a bug needs two particular calls at once;
 * <li>{@link #everyPairWithAChange}: every operation on one thread against every change on the other;
 * <li>{@link #threadsNeverFail}: threads the check writes itself, for calls that wait (a blocking {@code take} cannot
 * be an {@code @Operation}).
 * </ul>
 * Hand-written scenarios report with {@link Scenario#findViolation(int)} or {@link #findViolation(List, int)},
 * and the check words the failure itself. It does not depend on the CPU count or on
 * timing. It assumes sequential consistency, so it cannot see a missing {@code volatile}; check visibility with a
 * JIT-warmed thread check instead.
 */
public final class ModelCheck {
    private static final String HUNG = "In one interleaving of the two threads' steps, the calls never finished: a "
            + "deadlock (each thread holds a lock the other needs), a lock that is never released, or a loop that "
            + "waits for something that cannot happen.";

    static {
        LincheckAgent.attach(); // every use of Lincheck starts here, so its agent stays for all of this JVM's checks
    }

    private ModelCheck() {}

    /**
     * Model-checks {@code testClass} with {@code scenarios} random scenarios of its {@code @Operation} methods (2
     * threads x 2 operations, plus one before and one after), each under {@code interleavings} interleavings; on
     * failure throws an AssertionError whose message is {@code explanation} followed by Lincheck's scenario and
     * interleaving (the grader trims its detailed trace). A correct class always uses the whole budget, so choose it
     * by measurement: the smallest at which every wrong variant of the exercise is caught, times a safety margin.
     * Lincheck's choices are seeded, not random: its scenario generator starts from a fixed seed (0) and sorts the
     * operations by name, and its model checker takes its own choices from fixed seeds too, so a budget that catches
     * a class once catches it on every run, on any CPU count.
     */
    public static void verify(Class<?> testClass, int scenarios, int interleavings, String explanation) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(scenarios)
                .invocationsPerIteration(interleavings)
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

    /** One hand-written scenario of {@code model}'s operations: {@code before}, two {@code thread}s, {@code after}. */
    public static Scenario scenario(Class<?> model) {
        return Scenario.of(model);
    }

    /** One call of an {@code @Operation} method, for {@link #scenario(Class)} and {@link #everyPairWithAChange}. */
    public static Scenario.Call call(String operation, Object... arguments) {
        return Scenario.call(operation, arguments);
    }

    /**
     * One scenario per unordered pair of an operation in {@code changes} and any {@code @Operation} of {@code model},
     * each pair on two threads, with {@code before} and {@code after} calls around it. {@code calls} gives the call
     * for each operation; an operation it does not name fails the check, so a new operation cannot go unchecked.
     */
    public static List<Scenario> everyPairWithAChange(Class<?> model, Map<String, Scenario.Call> calls,
            List<String> changes, List<Scenario.Call> before, List<Scenario.Call> after) {
        return Scenario.everyPairWithAChange(model, calls, changes, before, after);
    }

    /** Lincheck's report on the first of {@code scenarios} that broke (one Lincheck run for all), or empty. */
    public static Optional<String> findViolation(List<Scenario> scenarios, int interleavings) {
        return Scenario.findViolation(scenarios, interleavings);
    }

    /**
     * Returns {@code object}, published where every thread can reach it, for a {@link #threadsNeverFail} scenario that
     * must see races on its plain fields. Lincheck's model checker switches threads only at accesses to memory it
     * believes shared: an object created inside the scenario and handed to the threads only through their lambdas
     * counts as local, so only its locks and waits are switch points, and a count that two locks change, or a
     * LinkedList that two locks share, never shows its race (measured: not found in 3,000 interleavings; published
     * like this, within 30).
     */
    public static <T> T shared(T object) {
        published = object;
        return object;
    }

    @SuppressWarnings("unused") // read by no one: being reachable from a static field is what makes it shared
    private static volatile Object published;

    /**
     * Runs {@code scenario} (which starts threads and throws an AssertionError on a wrong outcome) under
     * {@code interleavings} interleavings of its threads; fails the check with {@code whatWasTried}, {@code hint} and
     * Lincheck's report if one breaks it.
     */
    public static void threadsNeverFail(int interleavings, String whatWasTried, String hint, Runnable scenario) {
        try {
            Lincheck.runConcurrentTest(interleavings, scenario);
        } catch (AssertionError failure) {
            Assertions.fail(whatWasTried + "\nLincheck found an interleaving that breaks this.\nHint: " + hint + "\n\n"
                    + failure.getMessage());
        }
    }
}
