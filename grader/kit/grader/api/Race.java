package kit.grader.api;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import kit.grader.race.RaceDetector;

/**
 * For checks that use plain threads: starts {@code threads} threads that run {@code body} (with their index) all
 * at the same moment, and waits for them. If one throws, the check fails with that exception; if they are not done
 * in time (while none of them runs), or sooner if one of them is in a deadlock (which never ends) or they have used
 * {@link Deadlines#RACE_CPU} of CPU together (an endless loop, told in seconds however busy the machine), the check
 * fails with a thread dump that shows what each thread does or waits for.
 */
public final class Race {
    /** How often the waiting thread asks the JVM for deadlocks: a deadlock is told within this, not at the timeout. */
    private static final long DEADLOCK_POLL_MILLIS = 50;

    private Race() {}

    public static void run(String what, int threads, Duration timeout, IntConsumer body) {
        String learnerPackage = Frames.learnerPackageOfCaller();
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    RaceDetector.acquired(go);
                    body.accept(index);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "worker-" + (i + 1));
            thread.setDaemon(true);
            RaceDetector.forked(thread);
            thread.start();
            started.add(thread);
        }
        RaceDetector.released(go);
        go.countDown();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread thread : started) {
                while (thread.isAlive() && (System.nanoTime() < deadline || anyRuns(started))) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    thread.join(left > 0 ? Math.max(1, Math.min(DEADLOCK_POLL_MILLIS, left)) : DEADLOCK_POLL_MILLIS);
                    if (thread.isAlive() && inDeadlock(started)) {
                        throw new AssertionError(what + " can never finish: your code deadlocks. What each thread"
                                + " was doing:\n" + ThreadReport.describe(learnerPackage));
                    }
                    long cpu = thread.isAlive() ? WarmUp.cpuNanos(started) : 0;
                    if (cpu > Deadlines.RACE_CPU.toNanos()) {
                        throw new AssertionError(String.format(Locale.ROOT, "%s did not finish after its threads"
                                + " used %.1f s of CPU, many times what a correct class needs: your code loops without"
                                + " end (or keeps spinning while it waits). What each thread was doing:%n", what,
                                cpu / 1e9) + ThreadReport.describe(learnerPackage));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
        started.forEach(RaceDetector::joined);
        if (started.stream().anyMatch(Thread::isAlive)) {
            throw new AssertionError(what + " did not finish within " + timeout.toSeconds() + " s: your code hangs "
                    + "(a deadlock, a lock that is never released, or an endless loop). What each thread was doing:\n"
                    + ThreadReport.describe(learnerPackage));
        }
        if (failure.get() != null) {
            Throwable t = failure.get();
            throw new AssertionError(what + ": a thread stopped with an exception.", t);
        }
    }

    /**
     * Whether one of {@code threads} runs (or waits for a CPU): then it is judged by its CPU time
     * ({@link Deadlines#RACE_CPU}), which a busy machine does not stretch, not by the wall-clock timeout.
     */
    static boolean anyRuns(Collection<Thread> threads) {
        return threads.stream().anyMatch(t -> t.getState() == Thread.State.RUNNABLE);
    }

    /** True if one of {@code threads} waits in a deadlock (on monitors or on java.util.concurrent locks). */
    private static boolean inDeadlock(List<Thread> threads) {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return deadlocked != null && threads.stream().mapToLong(Thread::threadId)
                .anyMatch(id -> Arrays.stream(deadlocked).anyMatch(d -> d == id));
    }
}
