package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Threads of the learner's code counted, and the JVM out of threads told by whose threads there are. */
class ThreadsOfCodeTest {
    private static final StackTraceElement[] STARTED_BY_CODE = {
        new StackTraceElement("java.lang.Thread", "sleep", "Thread.java", 500),
        new StackTraceElement(HangTest.LEARNER + ".Counter", "lambda$new$0", "Counter.java", 9),
        new StackTraceElement("java.lang.Thread", "run", "Thread.java", 1000)};
    private static final StackTraceElement[] A_CHECKS_THREAD = {
        new StackTraceElement(HangTest.LEARNER + ".Counter", "increment", "Counter.java", 12),
        new StackTraceElement("kit.grader.api.Race", "lambda$run$0", "Race.java", 40),
        new StackTraceElement("java.lang.Thread", "run", "Thread.java", 1000)};

    @Test
    void countsOnlyThreadsWhoseOutermostCodeIsTheLearners() {
        ThreadsOfCode count = ThreadsOfCode.count(Map.of(Thread.currentThread(), STARTED_BY_CODE), HangTest.LEARNER);
        assertEquals(1, count.alive);
        assertEquals(1, count.running); // this test's thread is running
        assertEquals(0, ThreadsOfCode.count(Map.of(Thread.currentThread(), A_CHECKS_THREAD), HangTest.LEARNER).alive);
    }

    @Test
    void aThreadTheHarnessCouldNotStartIsTheMachinesUnlessTheCodeStartedMany() {
        OutOfMemoryError noThread = new OutOfMemoryError("unable to create native thread: possibly out of memory or"
                + " process/resource limits reached");
        AssertionError failure = new AssertionError("the check's own thread", noThread);
        assertTrue(ThreadsOfCode.isOutOfThreads(failure));
        assertFalse(ThreadsOfCode.isOutOfThreads(new OutOfMemoryError("Java heap space")));
        String fewOfTheirs = ThreadsOfCode.count(Map.of(), HangTest.LEARNER).outOfThreads(failure);
        assertTrue(fewOfTheirs.startsWith("The check could not run: the JVM could not start a thread it needed"
                + " (java.lang.OutOfMemoryError: unable to create native thread")
                && fewOfTheirs.contains("your code runs 0 thread(s) of its own, which is not the cause"), fewOfTheirs);
    }
}
