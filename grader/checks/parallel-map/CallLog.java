package kit.checks.parallelmap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * What the checks' functions record about the calls map makes: how many calls ran at the same time (now and at
 * most), how often each input was passed, which threads made the calls, and when the last call ended. The
 * functions wait on this object's monitor for conditions such as "three calls are running".
 */
final class CallLog {
    private final AtomicIntegerArray callsPerInput;
    private final Set<Thread> threads = new LinkedHashSet<>();
    private final List<Integer> startedAfterFailure = new ArrayList<>();
    private int active;
    private int maxActive;
    private int started;
    private boolean failed;
    private long lastEndNanos;
    private long firstStartNanos;

    CallLog(int inputs) {
        callsPerInput = new AtomicIntegerArray(inputs);
    }

    /** How many inputs this log is for. */
    int size() {
        return callsPerInput.length();
    }

    /** Records the start of the call for {@code input}. */
    synchronized void start(int input) {
        callsPerInput.incrementAndGet(input);
        threads.add(Thread.currentThread());
        if (started++ == 0) {
            firstStartNanos = System.nanoTime();
        }
        active++;
        maxActive = Math.max(maxActive, active);
        if (failed) {
            startedAfterFailure.add(input);
        }
        notifyAll();
    }

    /** Records the end of a call, whether it returned or threw. */
    synchronized void end() {
        active--;
        lastEndNanos = System.nanoTime();
        notifyAll();
    }

    /** Records that a call is about to throw: calls that start from now on started after the failure. */
    synchronized void failing() {
        failed = true;
    }

    /**
     * Waits until {@code condition} holds or {@code deadlineNanos} (System.nanoTime) has passed. An interrupt does
     * not cut the wait short: map may interrupt its calls, but a call that ignores interrupts is still running.
     */
    synchronized void awaitUntil(BooleanSupplier condition, long deadlineNanos) {
        boolean interrupted = false;
        long left;
        while (!condition.getAsBoolean() && (left = deadlineNanos - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** As {@link #awaitUntil}, until {@code limit} after the first call started (the same deadline for every call). */
    synchronized void awaitUntilAfterFirstStart(BooleanSupplier condition, Duration limit) {
        awaitUntil(condition, firstStartNanos + limit.toNanos());
    }

    synchronized int maxActive() {
        return maxActive;
    }

    synchronized int active() {
        return active;
    }

    synchronized int started() {
        return started;
    }

    synchronized long lastEndNanos() {
        return lastEndNanos;
    }

    synchronized List<Thread> threads() {
        return List.copyOf(threads);
    }

    synchronized List<Integer> startedAfterFailure() {
        return List.copyOf(startedAfterFailure);
    }

    /** The inputs that were passed to the function {@code times} times. */
    List<Integer> inputsCalled(IntPredicate times) {
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < callsPerInput.length(); i++) {
            if (times.test(callsPerInput.get(i))) {
                inputs.add(i);
            }
        }
        return inputs;
    }
}
