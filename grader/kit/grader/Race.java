package kit.grader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * For checks that use plain threads: starts {@code threads} threads that run {@code body} (with their index) all
 * at the same moment, and waits for them. If one throws, the check fails with that exception; if they are not done
 * in time, the check fails with a thread dump that shows what each thread waits for.
 */
public final class Race {
    private Race() {}

    public static void run(String what, int threads, Duration timeout, IntConsumer body) {
        String learnerPackage = LearnerPackage.ofCaller();
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    body.accept(index);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "worker-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        go.countDown();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread thread : started) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
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
}
