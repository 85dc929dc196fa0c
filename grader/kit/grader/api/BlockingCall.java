package kit.grader.api;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import kit.grader.race.RaceDetector;

/**
 * One call of the learner's code on a thread of its own, so that a check can see whether it waits, wake it, interrupt
 * it, and wait for its outcome - always with a bound, never forever. Used by the checks of the exercises whose calls
 * wait (queue, bounded-buffer); its thread dumps show the learner's package ({@link Frames#learnerPackageOfCaller}).
 */
public final class BlockingCall<T> {
    /**
     * A call seen waiting in this share of the looks over {@link Deadlines#STUCK} keeps waiting: one that has been
     * woken runs as soon as it gets a CPU (RUNNABLE, whether or not it has one), so a correct call waits far less.
     */
    private static final double STUCK_SHARE = 0.9;
    /** The calls of this JVM that have ended, by their thread's id (never reused): what their threads are called. */
    private static final Map<Long, String> ENDED = new ConcurrentHashMap<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Thread thread;
    private final String learnerPackage;
    private volatile Object outcome; // the returned value, or the Throwable it threw
    private volatile boolean ended;

    private BlockingCall(String name, Callable<T> call) {
        learnerPackage = Frames.learnerPackageOfCaller();
        thread = new Thread(() -> {
            try {
                outcome = call.call();
            } catch (Throwable thrown) {
                outcome = thrown;
            }
            RaceDetector.released(this);
            ENDED.put(Thread.currentThread().threadId(), Thread.currentThread().getName());
            ended = true;
        }, name);
        thread.setDaemon(true);
    }

    public static <T> BlockingCall<T> start(String name, Callable<T> call) {
        BlockingCall<T> blockingCall = new BlockingCall<>(name, call);
        RaceDetector.forked(blockingCall.thread);
        blockingCall.thread.start();
        return blockingCall;
    }

    /**
     * Runs {@code call} on a thread named "caller" and returns its outcome, or fails with {@code whatIfNot} if it has
     * not ended within {@link Deadlines#CALL}.
     */
    public static <T> Object runToEnd(String whatIfNot, Callable<T> call) {
        BlockingCall<T> blockingCall = start("caller", call);
        blockingCall.awaitEnd(whatIfNot);
        return blockingCall.outcome();
    }

    /**
     * True once the thread waits (parked: on a Condition, or to acquire a ReentrantLock; or in wait()); false if the
     * call ended instead. Fails if neither happens.
     */
    public boolean awaitWaiting(String what) {
        long deadline = System.nanoTime() + Deadlines.CALL.toNanos();
        while (System.nanoTime() < deadline && !spins()) {
            if (ended) {
                RaceDetector.acquired(this);
                return false;
            }
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return true;
            }
            pause();
        }
        throw new AssertionError(what + ": " + (spins() ? "after " + Deadlines.SPIN_CPU.toMillis() + " ms of CPU time"
                + " the call neither returned nor waited - it spins (a loop that checks again and again instead of"
                + " waiting)" : "after " + Deadlines.CALL.toSeconds() + " s the call neither returned nor waited"
                + " - it seems to spin (RUNNABLE) or to be BLOCKED entering a synchronized block")
                + ". What the threads were doing:\n" + ThreadReport.describe(learnerPackage));
    }

    /** True once the call has used more CPU time than a blocking call ever needs: it loops instead of waiting. */
    private boolean spins() {
        return WarmUp.cpuTime(thread).compareTo(Deadlines.SPIN_CPU) > 0;
    }

    private static void pause() {
        try {
            Thread.sleep(5); // not a spin: on one CPU, spinning here would steal the time the call needs
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("the check was interrupted", e);
        }
    }

    /**
     * Waits up to {@link Deadlines#CALL} for the call to end; fails with a thread dump if it does not - and sooner,
     * after {@link Deadlines#STUCK}, if the call kept waiting (almost) all that time: a call that should end by
     * itself, or has just been woken or interrupted, never does - nor does one that only wakes now and then to wait
     * again (a wait of 10 ms in a loop that forgets its timeout); at once if it waits for a lock that an ended call
     * kept; or once it has used {@link Deadlines#SPIN_CPU} of CPU time (it loops).
     */
    public void awaitEnd(String whatIfNot) {
        long start = System.nanoTime();
        Deque<long[]> samples = new ArrayDeque<>(); // {time, 1 if waiting}, over the last Deadlines.STUCK
        int waitingSamples = 0;
        while (!endsWithin(Duration.ofMillis(10))) {
            long now = System.nanoTime();
            Thread.State state = thread.getState();
            int waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING ? 1 : 0;
            samples.addLast(new long[] {now, waiting});
            waitingSamples += waiting;
            while (now - samples.peekFirst()[0] > Deadlines.STUCK.toNanos()) {
                waitingSamples -= (int) samples.removeFirst()[1];
            }
            Optional<String> holder = lockHolderThatEnded();
            if (holder.isPresent()) {
                throw givenUp(whatIfNot + "\nThe call waits for a lock that \"" + holder.get() + "\" holds, a call"
                        + " that has ended: only the thread that holds a lock (a ReentrantLock, a write lock) can"
                        + " unlock it, so this call would wait for good. What the threads were doing:\n"
                        + ThreadReport.describe(learnerPackage));
            }
            if (now - start >= Deadlines.STUCK.toNanos() && waitingSamples >= samples.size() * STUCK_SHARE) {
                throw givenUp(whatIfNot + "\nWhat the threads were doing once it had kept waiting for "
                        + Deadlines.STUCK.toSeconds() + " s" + (waitingSamples < samples.size() ? " (waking now and"
                        + " then only to wait again)" : "") + ", with nothing left to wake it:\n"
                        + ThreadReport.describe(learnerPackage));
            }
            if (spins()) {
                throw givenUp(whatIfNot + "\nThe call has used " + Deadlines.SPIN_CPU.toMillis() + " ms of"
                        + " CPU time without ending: it loops. What the threads were doing:\n"
                        + ThreadReport.describe(learnerPackage));
            }
            if (now - start >= Deadlines.CALL.toNanos()) {
                throw givenUp(whatIfNot + "\nWhat the threads were doing " + Deadlines.CALL.toSeconds()
                        + " s later:\n" + ThreadReport.describe(learnerPackage));
            }
        }
    }

    /**
     * The name of the ended call whose thread holds the lock this call waits to acquire, if it does: a lock whose
     * owner is recorded (a ReentrantLock, a ReentrantReadWriteLock's write lock) is unlocked by that thread only, and a
     * thread that has left the learner's code never does it.
     */
    private Optional<String> lockHolderThatEnded() {
        ThreadInfo info = THREADS.getThreadInfo(thread.threadId());
        return info == null || info.getLockOwnerId() < 0 ? Optional.empty()
                : Optional.ofNullable(ENDED.get(info.getLockOwnerId()));
    }

    /**
     * The call's thread is asked to stop (interrupted) once the check has given up on it, so that a call that waits
     * in a loop (one that forgets its timeout) ends instead of waking on and on beside the checks that follow.
     */
    private AssertionError givenUp(String message) {
        thread.interrupt();
        return new AssertionError(message);
    }

    public boolean endsWithin(Duration timeout) {
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(timeout.toNanos()));
            RaceDetector.joined(thread); // only if it ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("the check was interrupted", e);
        }
        return ended;
    }

    public void interrupt() {
        thread.interrupt();
    }

    /** The returned value or the thrown Throwable; only meaningful once the call has ended. */
    public Object outcome() {
        Object seen = outcome;
        if (ended) {
            RaceDetector.acquired(this);
        }
        return seen;
    }

    public static String describe(Object outcome) {
        return outcome instanceof Throwable thrown ? "threw " + thrown : "returned " + outcome;
    }
}
