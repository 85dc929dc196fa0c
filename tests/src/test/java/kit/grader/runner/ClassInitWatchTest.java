package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A static initializer of the learner's that does not finish is told after {@link ClassInitWatch#LIMIT_NANOS}. */
class ClassInitWatchTest {
    private static final StackTraceElement[] IN_CLINIT = {
        new StackTraceElement("java.lang.Thread", "sleep", "Thread.java", 500),
        new StackTraceElement(HangTest.LEARNER + ".Counter", "<clinit>", "Counter.java", 7),
        new StackTraceElement("kit.checks.counter.CounterTest", "counts", "CounterTest.java", 20)};

    @Test
    void toldOnceItHasRunTooLongAndNotBefore() {
        ClassInitWatch watch = new ClassInitWatch(HangTest.LEARNER);
        Map<Thread, StackTraceElement[]> threads = Map.of(Thread.currentThread(), IN_CLINIT);
        long t0 = System.nanoTime();
        assertTrue(watch.look(threads, t0).isEmpty());
        assertTrue(watch.look(threads, t0 + ClassInitWatch.LIMIT_NANOS - 1).isEmpty());
        String verdict = watch.look(threads, t0 + ClassInitWatch.LIMIT_NANOS).orElseThrow();
        assertTrue(verdict.startsWith(ClassInitWatch.VERDICT + "Counter (its static fields' initial values and its"
                + " static { } blocks) has run for 2 s and not finished"), verdict);
    }

    @Test
    void anInitializerThatFinishedIsForgotten() {
        ClassInitWatch watch = new ClassInitWatch(HangTest.LEARNER);
        long t0 = System.nanoTime();
        watch.look(Map.of(Thread.currentThread(), IN_CLINIT), t0);
        watch.look(Map.of(Thread.currentThread(), new StackTraceElement[0]), t0 + 1);
        assertTrue(watch.look(Map.of(Thread.currentThread(), IN_CLINIT), t0 + ClassInitWatch.LIMIT_NANOS).isEmpty(),
                "a later class initialization starts its own clock");
    }
}
