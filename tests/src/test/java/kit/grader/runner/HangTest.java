package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kit.grader.runner.learner.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Hang} and {@link HangWatch} on real threads that wait for good in a stand-in of the learner's code
 * ({@code kit.grader.runner.learner}): told with what each waits for; not told while a thread can go on.
 */
class HangTest {
    static final String LEARNER = "kit.grader.runner.learner";
    private final Set<Long> notInPlay = new HashSet<>();
    private final List<Thread> started = new java.util.ArrayList<>();

    @BeforeEach
    void theTestJvmsOwnThreadsAreNotInPlay() {
        Thread.getAllStackTraces().keySet().forEach(t -> notInPlay.add(t.threadId()));
    }

    @AfterEach
    void endTheWaits() throws InterruptedException {
        for (Thread thread : started) {
            thread.interrupt();
            thread.join(5000);
        }
    }

    interface Call {
        void run() throws InterruptedException;
    }

    /** Starts {@code call} on a daemon thread, ended with the test. */
    Thread start(String name, Call call) {
        Thread thread = new Thread(() -> {
            try {
                call.run();
            } catch (InterruptedException e) {
                // the test is over
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        started.add(thread);
        return thread;
    }

    /** Starts {@code call} on a thread and returns once it waits (WAITING or TIMED_WAITING). */
    Thread waiting(String name, Call call) throws InterruptedException {
        Thread thread = start(name, call);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, name + " never waited");
            Thread.sleep(1);
        }
        return thread;
    }

    private Optional<Hang> look() {
        return Hang.look(Thread.getAllStackTraces(), LEARNER, notInPlay);
    }

    @Test
    void aReadLockUpgradedOnItsOwnThreadWaitsForItself() throws InterruptedException {
        waiting("upgrader", new Waits()::appendIfAbsent);
        Hang hang = look().orElseThrow();
        assertEquals(1, hang.waiters().size());
        String line = hang.waiters().get(0).line(false);
        assertTrue(line.startsWith("appendIfAbsent (Waits.java:") && line.contains(
                "waits for the write lock while its own thread holds the read lock (1 hold) of the same"
                        + " ReentrantReadWriteLock. A read lock cannot be upgraded"), line);
    }

    @Test
    void aStampedLockTakenTwiceAndAConditionNobodySignalsAreHangsEach() throws InterruptedException {
        waiting("stamped", new Waits()::compareAndSet);
        waiting("taker", new Waits()::take);
        List<Hang.Waiter> waiters = look().orElseThrow().waiters();
        assertEquals(2, waiters.size());
        String text = waiters.get(0).line(true) + "\n" + waiters.get(1).line(true);
        assertTrue(text.contains("compareAndSet (Waits.java:") && text.contains(", on \"stamped\")")
                && text.contains("A StampedLock is not reentrant") && text.contains("(it is write-locked)"), text);
        assertTrue(text.contains("take (Waits.java:") && text.contains("waits on a Condition (await) that no thread"
                + " can signal: every other thread in your code waits too"), text);
    }

    @Test
    void aThreadThatSleepsCanGoOnSoNothingHangs() throws InterruptedException {
        waiting("taker", new Waits()::take);
        assertTrue(look().isPresent());
        waiting("napper", new Waits()::nap);
        assertTrue(look().isEmpty(), "a sleeping thread wakes up by itself and may signal the taker");
    }

    @Test
    void threadsThatHandAFairLockToEachOtherMoveSoNothingHangs() throws InterruptedException {
        HangWatch watch = new HangWatch(LEARNER, Thread.getAllStackTraces());
        watch.checkStarts(Map.of(), Thread.currentThread());
        Waits shared = new Waits();
        start("convoy-1", shared::incrementForever);
        start("convoy-2", shared::incrementForever);
        long end = System.nanoTime() + HangWatch.QUIET_NANOS * 3 / 2;
        while (System.nanoTime() < end) { // the watchdog's looks, 100 ms apart, for longer than a hang takes
            Optional<String> verdict = watch.look(Thread.getAllStackTraces(), System.nanoTime(), "convoy");
            assertTrue(verdict.isEmpty(), verdict.orElse(""));
            Thread.sleep(100);
        }
    }

    @Test
    void aHangIsToldAfterASecondOfWaitingAndTheSameWaitInALaterCheckAtOnce() throws InterruptedException {
        HangWatch watch = new HangWatch(LEARNER, Thread.getAllStackTraces()); // the test JVM's threads: not in play
        Thread runner = Thread.currentThread();
        watch.checkStarts(Map.of(), runner);
        waiting("upgrader", new Waits()::appendIfAbsent);
        long t0 = System.nanoTime();
        assertTrue(watch.look(Thread.getAllStackTraces(), t0, "first check").isEmpty(), "not at once");
        assertTrue(watch.look(Thread.getAllStackTraces(), t0 + HangWatch.QUIET_NANOS / 2, "first check").isEmpty());
        String first = watch.look(Thread.getAllStackTraces(), t0 + HangWatch.QUIET_NANOS, "first check")
                .orElseThrow();
        assertTrue(first.startsWith("Stopped after 1.0 s of every thread waiting: your code waits for something no"
                + " thread can ever give it") && first.contains("- appendIfAbsent (Waits.java:")
                && first.contains("What each thread was doing:"), first);

        watch.checkStarts(Thread.getAllStackTraces(), runner); // the first check's thread stays parked: left out
        waiting("upgrader-2", new Waits()::appendIfAbsent);
        long t1 = System.nanoTime();
        assertTrue(watch.look(Thread.getAllStackTraces(), t1, "second check").isEmpty());
        String again = watch.look(Thread.getAllStackTraces(), t1 + HangWatch.KNOWN_QUIET_NANOS, "second check")
                .orElseThrow();
        assertTrue(again.startsWith("Stopped: the same wait as in the check \"first check\""), again);
    }
}
