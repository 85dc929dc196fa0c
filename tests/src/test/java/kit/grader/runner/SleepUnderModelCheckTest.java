package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The learner's code seen asleep while a model check runs: told once the last {@link SleepUnderModelCheck#LOOKS} looks
 * under the model check found it asleep in most of them, however long Lincheck took to start; not when it slept only
 * now and then.
 */
class SleepUnderModelCheckTest {
    private static final StackTraceElement[] MODEL_CHECKING = {
        new StackTraceElement("jdk.internal.misc.Unsafe", "park", "Unsafe.java", 1),
        new StackTraceElement("org.jetbrains.lincheck.Lincheck", "runConcurrentTest", "Lincheck.kt", 10),
        new StackTraceElement("kit.grader.api.ModelCheck", "threadsNeverFail", "ModelCheck.java", 97)};
    private static final StackTraceElement[] ASLEEP_IN_TAKE = {
        new StackTraceElement("java.lang.Thread", "sleepNanos0", null, -2),
        new StackTraceElement("java.lang.Thread", "sleep", "Thread.java", 500),
        new StackTraceElement(HangTest.LEARNER + ".Queue", "take", "Queue.java", 46),
        new StackTraceElement("kit.checks.queue.QueueTest", "lambda$take$0", "QueueTest.java", 60)};

    private static Optional<String> lookTimes(SleepUnderModelCheck watch, int times, StackTraceElement[] sleeper) {
        Optional<String> verdict = Optional.empty();
        Thread other = new Thread(() -> { });
        for (int i = 0; i < times; i++) {
            verdict = watch.look(Map.of(Thread.currentThread(), MODEL_CHECKING, other, sleeper));
        }
        return verdict;
    }

    @Test
    void toldOnceTheModelCheckHasRunLongAsleepInMostLooks() {
        SleepUnderModelCheck watch = new SleepUnderModelCheck(HangTest.LEARNER);
        assertTrue(lookTimes(watch, SleepUnderModelCheck.LOOKS - 1, ASLEEP_IN_TAKE).isEmpty());
        String verdict = lookTimes(watch, 1, ASLEEP_IN_TAKE).orElseThrow();
        assertTrue(verdict.startsWith("Stopped: while the model checker tried this check's interleavings, your code"
                + " slept (Thread.sleep in take, Queue.java:46)"), verdict);
    }

    @Test
    void looksBeforeTheFirstSleepDoNotDelayTheVerdict() {
        SleepUnderModelCheck watch = new SleepUnderModelCheck(HangTest.LEARNER);
        StackTraceElement[] starting = {new StackTraceElement("org.jetbrains.lincheck.Lincheck", "start", null, 1)};
        assertTrue(lookTimes(watch, 3 * SleepUnderModelCheck.LOOKS, starting).isEmpty());
        int asleepEnough = (int) Math.ceil(SleepUnderModelCheck.LOOKS * SleepUnderModelCheck.ASLEEP_SHARE);
        assertTrue(lookTimes(watch, asleepEnough - 1, ASLEEP_IN_TAKE).isEmpty());
        assertTrue(lookTimes(watch, 1, ASLEEP_IN_TAKE).isPresent(), "asleep in 80% of the last looks");
    }

    @Test
    void aKnownSleepIsToldSoonerAndStaysToldUntilTheCheckEnds() {
        SleepUnderModelCheck watch = new SleepUnderModelCheck(HangTest.LEARNER);
        watch.learn(List.of(HangTest.LEARNER + ".Queue.take()"));
        assertTrue(lookTimes(watch, SleepUnderModelCheck.KNOWN_LOOKS - 1, ASLEEP_IN_TAKE).isEmpty());
        String verdict = lookTimes(watch, 1, ASLEEP_IN_TAKE).orElseThrow();
        StackTraceElement[] awake = {new StackTraceElement(HangTest.LEARNER + ".Queue", "take", "Queue.java", 40)};
        assertEquals(verdict, lookTimes(watch, 1, awake).orElseThrow(), "told, while the model check ends");
        watch.checkStarts();
        assertTrue(lookTimes(watch, 1, ASLEEP_IN_TAKE).isEmpty(), "the next check starts afresh");
    }

    @Test
    void sleepingInHalfTheLooksIsNotTold() {
        SleepUnderModelCheck watch = new SleepUnderModelCheck(HangTest.LEARNER);
        StackTraceElement[] awake = {new StackTraceElement(HangTest.LEARNER + ".Queue", "take", "Queue.java", 40)};
        for (int i = 0; i < 3 * SleepUnderModelCheck.LOOKS; i++) {
            assertTrue(lookTimes(watch, 1, i % 2 == 0 ? ASLEEP_IN_TAKE : awake).isEmpty(), "look " + i);
        }
    }

    @Test
    void sleepingInTheChecksOwnCodeOrWithoutAModelCheckIsNotTold() {
        SleepUnderModelCheck watch = new SleepUnderModelCheck(HangTest.LEARNER);
        StackTraceElement[] checkSleeps = {ASLEEP_IN_TAKE[0], ASLEEP_IN_TAKE[1], ASLEEP_IN_TAKE[3], ASLEEP_IN_TAKE[2]};
        assertTrue(lookTimes(watch, 50, checkSleeps).isEmpty(), "the check's own sleep, the learner's code below it");
        watch.checkStarts();
        Thread other = new Thread(() -> { });
        for (int i = 0; i < 50; i++) {
            assertTrue(watch.look(Map.of(other, ASLEEP_IN_TAKE)).isEmpty(), "no model check running");
        }
    }
}
