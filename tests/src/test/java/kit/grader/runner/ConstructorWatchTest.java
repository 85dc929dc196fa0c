package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A constructor of the learner's that JUnit runs making a check's object and that does not return is told after
 * {@link ConstructorWatch#LIMIT_NANOS}; each check's object has its own clock; a static initializer is not its case.
 */
class ConstructorWatchTest {
    private static final StackTraceElement[] IN_CONSTRUCTOR = {
        new StackTraceElement("java.util.concurrent.CountDownLatch", "await", "CountDownLatch.java", 230),
        new StackTraceElement(HangTest.LEARNER + ".Counter", "<init>", "Counter.java", 12),
        new StackTraceElement("kit.checks.counter.CounterModelTest", "<init>", "CounterModelTest.java", 49),
        new StackTraceElement("org.junit.platform.commons.util.ReflectionUtils", "newInstance", null, -1)};
    private static final StackTraceElement[] IN_CLASS_INIT = {
        new StackTraceElement(HangTest.LEARNER + ".Counter", "<clinit>", "Counter.java", 7),
        new StackTraceElement(HangTest.LEARNER + ".Counter", "<init>", "Counter.java", 12)};

    @Test
    void toldOnceItHasRunTooLongAndNotBefore() {
        ConstructorWatch watch = new ConstructorWatch(HangTest.LEARNER);
        long t0 = System.nanoTime();
        assertTrue(watch.look(IN_CONSTRUCTOR, "A#a", t0).isEmpty());
        assertTrue(watch.look(IN_CONSTRUCTOR, "A#a", t0 + ConstructorWatch.LIMIT_NANOS - 1).isEmpty());
        String verdict = watch.look(IN_CONSTRUCTOR, "A#a", t0 + ConstructorWatch.LIMIT_NANOS).orElseThrow();
        assertTrue(verdict.startsWith(ConstructorWatch.VERDICT + "(new Counter(...), at " + HangTest.LEARNER
                + ".Counter.<init>(Counter.java:12)) has run for 2 s and not returned"), verdict);
    }

    @Test
    void eachChecksObjectHasItsOwnClock() {
        ConstructorWatch watch = new ConstructorWatch(HangTest.LEARNER);
        long t0 = System.nanoTime();
        watch.look(IN_CONSTRUCTOR, "A#a", t0);
        assertTrue(watch.look(IN_CONSTRUCTOR, "A#b", t0 + ConstructorWatch.LIMIT_NANOS).isEmpty());
    }

    @Test
    void aStaticInitializerIsLeftToClassInitWatch() {
        ConstructorWatch watch = new ConstructorWatch(HangTest.LEARNER);
        long t0 = System.nanoTime();
        watch.look(IN_CLASS_INIT, "A#a", t0);
        assertTrue(watch.look(IN_CLASS_INIT, "A#a", t0 + ConstructorWatch.LIMIT_NANOS).isEmpty());
    }
}
