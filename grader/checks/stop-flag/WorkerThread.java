package kit.checks.stopflag;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import kit.grader.api.Deadlines;
import kit.grader.api.KeptLock;
import kit.grader.api.WarmUp;
import stopflag.StoppableWorker;

/**
 * The learner's worker running on its own daemon thread (a worker that never stops cannot keep the JVM alive),
 * plus bounded ways to call it: every call into the learner's code may block or spin, so none waits forever.
 *
 * <p>A check that gives up on a worker calls {@link #abandon()}: the task then throws on its next run, which ends
 * run() even if it never sees stop(), so no stuck worker slows down the checks after it.
 */
final class WorkerThread {
    private static final long POLL_MILLIS = 10;
    private static final String KEPT_LOCK = "Does it wait for a lock that run() holds for the whole loop, or while the"
            + " task runs? Then no other thread can get in until run() returns - hold a lock only for a short access.";
    /** The worker's CPU time after stop() returned beyond which it is looping still (see {@link #endsAfterStop}). */
    private static final Duration STOPPED_CPU = Duration.ofMillis(200);
    final StoppableWorker worker;
    private final Thread thread;
    private final AtomicLong started = new AtomicLong();
    private long startedAtStop;
    private Duration cpuAtStop = Duration.ZERO;
    private volatile Throwable thrown;
    private volatile boolean abandoned;

    /** A worker whose task is {@code body}, made abandonable, its runs counted. */
    WorkerThread(Runnable body) {
        this.worker = new StoppableWorker(() -> {
            if (abandoned) {
                throw new CheckAbandoned();
            }
            started.incrementAndGet();
            body.run();
        });
        this.thread = newThread();
    }

    /** A worker whose task the check controls itself (the visibility check's task must stay empty). */
    WorkerThread(StoppableWorker worker) {
        this.worker = worker;
        this.thread = newThread();
    }

    private Thread newThread() {
        Thread worker = new Thread(this.worker, "stop-flag-worker");
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler((t, e) -> thrown = e);
        return worker;
    }

    WorkerThread start() {
        thread.start();
        return this;
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /** Lets the worker loop for {@code cpu} of its CPU time (see {@link WarmUp}). */
    void warmUp(Duration cpu) throws InterruptedException {
        WarmUp.untilCpuTime(thread, cpu);
    }

    /**
     * Waits for run() to end after stop() returned: empty once it has, else what it did instead - told as soon as it
     * is sure. The task started two more runs since stop() returned (a correct worker may start one, whose look at the
     * flag came just before stop(); the look after that run follows stop() and sees the flag); or the worker used
     * {@link #STOPPED_CPU} of CPU since (a loop over an empty task ends within microseconds); or {@link Deadlines#STOP}
     * passed.
     */
    Optional<String> endsAfterStop() throws InterruptedException {
        long deadline = System.nanoTime() + Deadlines.STOP.toNanos();
        while (true) {
            thread.join(POLL_MILLIS);
            if (!thread.isAlive()) {
                return Optional.empty();
            }
            long more = started.get() - startedAtStop;
            if (more >= 2) {
                return Optional.of("run() started " + more + " more task runs after stop() had returned (a correct"
                        + " worker starts at most one: the run whose look at the flag came just before stop())");
            }
            long cpu = WarmUp.cpuTime(thread).minus(cpuAtStop).toMillis();
            if (cpu >= STOPPED_CPU.toMillis()) {
                return Optional.of("run() was still looping after it had used " + cpu + " ms of CPU since stop()"
                        + " returned");
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("run() was still running " + Deadlines.STOP.toSeconds() + " s later");
            }
        }
    }

    boolean endsWithin(Duration timeout) throws InterruptedException {
        thread.join(timeout);
        return !thread.isAlive();
    }

    boolean isAbandoned() {
        return abandoned;
    }

    /** Makes the task throw from now on, and gives run() a moment to end. */
    void abandon() throws InterruptedException {
        abandoned = true;
        thread.join(Deadlines.STOP);
    }

    /** How run() ended: "run() returned", or "run() ended (it threw X)" if it threw an exception of its own. */
    String howItEnded() {
        Throwable t = thrown;
        return t == null || t instanceof CheckAbandoned ? "run() returned" : "run() ended (it threw " + t + ")";
    }

    /** Calls stop() on another thread; fails the check if it does not return in time. */
    void stop() {
        call("stop()", () -> {
            worker.stop();
            return null;
        });
        startedAtStop = started.get();
        cpuAtStop = WarmUp.cpuTime(thread);
    }

    /** Calls runs() on another thread; fails the check if it does not return in time. */
    long runs() {
        return call("runs()", worker::runs);
    }

    private <V> V call(String method, Callable<V> body) {
        FutureTask<V> call = new FutureTask<>(body);
        Thread caller = new Thread(call, "calls-" + method);
        caller.setDaemon(true);
        KeptLock lock = new KeptLock(caller, thread);
        caller.start();
        long deadline = System.nanoTime() + Deadlines.STOP.toNanos();
        try {
            while (true) {
                try {
                    return call.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (lock.kept()) {
                        return fail(method + " waits for a lock that the worker thread has held without letting go"
                                + " once for " + KeptLock.KEPT.toMillis() + " ms, while it ran (or waited inside"
                                + " the lock). It is stuck at:\n" + stackOf(caller) + KEPT_LOCK);
                    }
                    if (System.nanoTime() > deadline) {
                        return fail(method + " did not return within " + Deadlines.STOP.toSeconds() + " s while the"
                                + " worker was running. It is stuck at:\n" + stackOf(caller) + KEPT_LOCK);
                    }
                }
            }
        } catch (ExecutionException e) {
            return fail(method + " threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Waits up to {@code timeout} for {@code condition}; true if it became true. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    String stack() {
        return stackOf(thread);
    }

    /** Thrown by the task of an abandoned worker, to end its run(). */
    static final class CheckAbandoned extends RuntimeException {
        CheckAbandoned() {
            super("the check gave up on this worker", null, false, false);
        }
    }

    private static String stackOf(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).limit(8)
                .map(frame -> "    at " + frame + "\n").collect(Collectors.joining());
    }
}
