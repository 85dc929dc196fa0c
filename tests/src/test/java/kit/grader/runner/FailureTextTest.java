package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the learner reads when a check fails: the check's own message; "Your code threw" with the learner's frames
 * when the exception came from the learner's code; and "the check could not run" when Lincheck, JUnit or the grader's
 * own helper failed in their own code - no verdict on the learner's class. The exceptions are made here with the
 * stack traces they have in a check JVM.
 */
class FailureTextTest {
    private static final String LEARNER = "counter";

    private static StackTraceElement frame(String className, String method, String file, int line) {
        return new StackTraceElement(className, method, file, line);
    }

    private static final StackTraceElement LEARNER_INCREMENT =
            frame("counter.ThreadSafeCounter", "increment", "ThreadSafeCounter.java", 14);
    private static final StackTraceElement LEARNER_HELPER =
            frame("counter.ThreadSafeCounter$Box", "add", "ThreadSafeCounter.java", 31);
    private static final StackTraceElement CHECK =
            frame("kit.checks.counter.CounterThreadTest", "noLostUpdate", "CounterThreadTest.java", 40);
    private static final StackTraceElement JUNIT =
            frame("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", "ReflectionUtils.java", 728);
    private static final StackTraceElement JDK_LIST =
            frame("java.util.ArrayList", "get", "ArrayList.java", 427);
    private static final StackTraceElement JDK_OBJECTS =
            frame("java.util.Objects", "checkIndex", "Objects.java", 365);
    private static final StackTraceElement LINCHECK =
            frame("org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategy", "switchCurrentThread",
                    "ManagedStrategy.kt", 612);
    private static final StackTraceElement LINCHECK_IN_JDK =
            frame("sun.nio.ch.lincheck.Injections", "beforeReadField", "Injections.java", 120);

    private static <T extends Throwable> T thrownAt(T t, StackTraceElement... frames) {
        t.setStackTrace(frames);
        return t;
    }

    @Test
    void aCheckFailureIsItsMessage() {
        AssertionError failure = thrownAt(new AssertionError("  2 threads x 10,000 increments: value 13,412, "
                + "expected 20,000.\n"), CHECK, JUNIT);
        assertEquals("2 threads x 10,000 increments: value 13,412, expected 20,000.",
                FailureText.of(failure, LEARNER));
    }

    @Test
    void anExceptionOfTheLearnersCodeShowsOnlyTheLearnersFrames() {
        RuntimeException thrown = thrownAt(new IllegalStateException("count below zero"),
                JDK_OBJECTS, LEARNER_HELPER, LEARNER_INCREMENT, CHECK, JUNIT);
        assertEquals("""
                Your code threw java.lang.IllegalStateException: count below zero
                    at counter.ThreadSafeCounter$Box.add(ThreadSafeCounter.java:31)
                    at counter.ThreadSafeCounter.increment(ThreadSafeCounter.java:14)""",
                FailureText.of(thrown, LEARNER));
    }

    @Test
    void anExceptionThrownInTheJdkOnBehalfOfTheLearnerIsTheLearners() {
        RuntimeException thrown = thrownAt(new IndexOutOfBoundsException("Index 3 out of bounds for length 3"),
                JDK_OBJECTS, JDK_LIST, LEARNER_INCREMENT, CHECK);
        String text = FailureText.of(thrown, LEARNER);
        assertTrue(text.startsWith("Your code threw java.lang.IndexOutOfBoundsException: Index 3 out of bounds"),
                text);
        assertFalse(text.contains("could not run"), text);
    }

    @Test
    void aFailureInLinchecksOwnCodeIsNoVerdictOnTheLearner() {
        RuntimeException thrown = thrownAt(new IllegalStateException("unexpected thread state"),
                LINCHECK, CHECK, JUNIT);
        String text = FailureText.of(thrown, LEARNER);
        assertTrue(text.startsWith("The check could not run: Lincheck (the model checker), which runs it, failed in "
                + "its own code (java.lang.IllegalStateException: unexpected thread state at org.jetbrains.kotlinx"
                + ".lincheck.strategy.managed.ManagedStrategy.switchCurrentThread(ManagedStrategy.kt:612))."), text);
        assertTrue(text.contains("This is not an exception of your code"), text);
        assertFalse(text.contains("Your code threw"), text);
    }

    @Test
    void linchecksClassesInsideTheJdkArePartOfLincheck() {
        NullPointerException thrown = thrownAt(new NullPointerException("no current thread"), JDK_OBJECTS,
                LINCHECK_IN_JDK, CHECK);
        String text = FailureText.of(thrown, LEARNER);
        assertTrue(text.startsWith("The check could not run: Lincheck (the model checker)"), text);
        assertTrue(text.contains("(java.lang.NullPointerException: no current thread at sun.nio.ch.lincheck"
                + ".Injections.beforeReadField(Injections.java:120))"), text);
    }

    @Test
    void aFailureInJUnitsOwnCodeIsNoVerdictOnTheLearner() {
        RuntimeException thrown = thrownAt(new IllegalArgumentException("wrong number of arguments"),
                JDK_OBJECTS, JUNIT);
        assertTrue(FailureText.of(thrown, LEARNER).startsWith("The check could not run: JUnit, which runs it,"));
    }

    @Test
    void aFailureInTheGradersOwnHelperIsNoVerdictOnTheLearner() {
        RuntimeException thrown = thrownAt(new IllegalArgumentException("the consumers' items must divide evenly"),
                frame("kit.grader.api.ProducersAndConsumers", "run", "ProducersAndConsumers.java", 97), CHECK);
        String text = FailureText.of(thrown, LEARNER);
        assertTrue(text.startsWith("The check could not run: the grader's helper, which runs it, failed in its own"
                + " code (java.lang.IllegalArgumentException: the consumers' items must divide evenly at"
                + " kit.grader.api.ProducersAndConsumers.run(ProducersAndConsumers.java:97))."), text);
    }

    @Test
    void aToolsExceptionCausedByTheLearnersCodeIsTheLearners() {
        RuntimeException learners = thrownAt(new ArithmeticException("/ by zero"), LEARNER_INCREMENT, LINCHECK);
        RuntimeException thrown = thrownAt(new IllegalStateException("the operation failed", learners), LINCHECK,
                CHECK);
        String text = FailureText.of(thrown, LEARNER);
        assertFalse(text.contains("could not run"), text);
        assertTrue(text.contains("Caused by java.lang.ArithmeticException: / by zero\n"
                + "    at counter.ThreadSafeCounter.increment(ThreadSafeCounter.java:14)"), text);
    }

    @Test
    void anExceptionFromNeitherShowsItsTopFrames() {
        RuntimeException thrown = thrownAt(new UnsupportedOperationException("TODO"), CHECK, JUNIT, JUNIT, JUNIT);
        assertEquals("""
                Threw java.lang.UnsupportedOperationException: TODO
                    at kit.checks.counter.CounterThreadTest.noLostUpdate(CounterThreadTest.java:40)
                    at org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:728)
                    at org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:728)""",
                FailureText.of(thrown, LEARNER));
    }

    @Test
    void aCheckFailureWithACauseAddsWhatTheLearnersCodeThrew() {
        RuntimeException cause = thrownAt(new UnsupportedOperationException("TODO increment"), LEARNER_INCREMENT,
                CHECK);
        AssertionError failure = thrownAt(new AssertionError("increment() threw instead of counting", cause), CHECK);
        assertEquals("""
                increment() threw instead of counting
                Your code threw java.lang.UnsupportedOperationException: TODO increment
                    at counter.ThreadSafeCounter.increment(ThreadSafeCounter.java:14)""",
                FailureText.of(failure, LEARNER));
    }

    @Test
    void anAssertionErrorWithoutAMessageIsToldLikeAnException() {
        AssertionError failure = thrownAt(new AssertionError(), LEARNER_INCREMENT, CHECK);
        assertEquals("Your code threw java.lang.AssertionError\n"
                + "    at counter.ThreadSafeCounter.increment(ThreadSafeCounter.java:14)",
                FailureText.of(failure, LEARNER));
    }

    @Test
    void aLincheckReportInTheMessageIsShortened() {
        String report = """
                Two threads called increment() and value() at the same time: an update was lost.

                = Invalid execution results =
                | ------------------------------------------ |
                |       Thread 1       |      Thread 2       |
                | ------------------------------------------ |
                | increment(): void    | increment(): void   |
                | ------------------------------------------ |

                The following interleaving leads to the error:
                | ------------------------------------------------------------- |
                |           Thread 1           |           Thread 2             |
                | ------------------------------------------------------------- |
                |                              | increment()                    |
                |                              |     switch                     |
                | increment()                  |                                |
                | ------------------------------------------------------------- |

                Detailed trace:
                | ------------------------------------------------------------- |
                |                              | increment() at CounterModelTest.java:31 |
                """;
        String text = FailureText.of(thrownAt(new AssertionError(report), CHECK), LEARNER);
        assertTrue(text.contains("""
                | ------------------------------------- |
                | Thread 1          | Thread 2          |
                | ------------------------------------- |
                | increment(): void | increment(): void |
                | ------------------------------------- |"""), text);
        assertFalse(text.contains("Detailed trace"), text);
    }

    @Test
    void aVeryLongTextIsCutAfter120Lines() {
        String longText = IntStream.rangeClosed(1, 200).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String text = FailureText.of(thrownAt(new AssertionError(longText), CHECK), LEARNER);
        String[] lines = text.split("\n");
        assertEquals(121, lines.length);
        assertEquals("line 120", lines[119]);
        assertEquals("... (80 more lines)", lines[120]);
    }
}
