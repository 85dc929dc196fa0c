package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endless loop told once is told at once when it runs again ({@link LoopWatch}), also in the exercise's next JVM,
 * through the grading's file ({@link KnownStops}).
 */
class LoopWatchTest {
    private static final StackTraceElement[] LOOPING = {
        new StackTraceElement("java.lang.Thread", "onSpinWait", "Thread.java", 2000),
        new StackTraceElement(HangTest.LEARNER + ".Counter", "increment", "Counter.java", 11),
        new StackTraceElement("kit.checks.counter.CounterTest", "counts", "CounterTest.java", 20)};

    @TempDir
    Path dir;

    @Test
    void aKnownLoopRunningAgainIsToldAfterThreeLooksAndSomeCpu() throws IOException {
        Map<Thread, StackTraceElement[]> threads = Map.of(Thread.currentThread(), LOOPING);
        LoopWatch first = new LoopWatch(HangTest.LEARNER);
        first.checkStarts(Map.of());
        Set<String> places = Set.of("kit.grader.runner.learner.Counter.increment()");
        KnownStops shared = new KnownStops(Files.createFile(dir.resolve("known-stops.txt")));
        shared.add(KnownStops.LOOP, places, "A new counter counts");
        assertTrue(first.look(threads, LoopWatch.CPU_NANOS * 10).isEmpty(), "nothing known in this JVM yet");

        LoopWatch next = new LoopWatch(HangTest.LEARNER); // the exercise's next JVM
        next.checkStarts(shared.read().of(KnownStops.LOOP));
        assertEquals(Map.of(places.iterator().next(), "A new counter counts"), shared.read().of(KnownStops.LOOP));
        for (int look = 1; look < LoopWatch.LOOKS; look++) {
            assertTrue(next.look(threads, LoopWatch.CPU_NANOS).isEmpty(), "look " + look);
        }
        assertTrue(next.look(threads, LoopWatch.CPU_NANOS - 1).isEmpty(), "not before the check used some CPU");
        String verdict = next.look(threads, LoopWatch.CPU_NANOS).orElseThrow();
        assertTrue(verdict.startsWith("Stopped: the same endless loop as in the check \"A new counter counts\" - your"
                + " code runs in kit.grader.runner.learner.Counter.increment() again"), verdict);
    }

    @Test
    void aLoopToldByAJvmBesideIsLearntWhileTheCheckRuns() throws IOException {
        Path file = Files.createFile(dir.resolve("known-stops.txt"));
        KnownStops mine = new KnownStops(file);
        LoopWatch watch = new LoopWatch(HangTest.LEARNER);
        watch.checkStarts(mine.read().of(KnownStops.LOOP));
        mine.changed();
        assertFalse(mine.changed(), "nothing told since the last look");
        Set<String> places = Set.of("kit.grader.runner.learner.Counter.increment()");
        new KnownStops(file).add(KnownStops.LOOP, places, "A race check");
        assertTrue(mine.changed(), "the JVM beside told a loop");
        watch.learn(mine.read().of(KnownStops.LOOP));
        Map<Thread, StackTraceElement[]> threads = Map.of(Thread.currentThread(), LOOPING);
        for (int look = 1; look < LoopWatch.LOOKS; look++) {
            assertTrue(watch.look(threads, LoopWatch.CPU_NANOS).isEmpty(), "look " + look);
        }
        assertTrue(watch.look(threads, LoopWatch.CPU_NANOS).orElseThrow()
                .contains("as in the check \"A race check\""));
    }

    @Test
    void aFileThatCannotBeReadKnowsNothingAndALineCutShortIsSkipped() throws IOException {
        assertEquals(Map.of(), new KnownStops(dir.resolve("missing.txt")).read().of(KnownStops.WAIT));
        Path file = dir.resolve("known-stops.txt");
        Files.writeString(file, "wait\tplace A\tcheck A\nwait\tplace B"); // a JVM halted mid-line
        assertEquals(Map.of("place A", "check A"), new KnownStops(file).read().of(KnownStops.WAIT));
        assertEquals(List.of(), List.copyOf(new KnownStops(file).read().of(KnownStops.LOOP).keySet()));
    }
}
