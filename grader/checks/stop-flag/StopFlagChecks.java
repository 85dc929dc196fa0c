package kit.checks.stopflag;

import static kit.checks.stopflag.WorkerThread.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import kit.grader.Points;
import stopflag.StoppableWorker;

/**
 * Checks of {@link StoppableWorker}. The visibility check runs first: it needs the JIT to compile the worker's loop
 * with the task inlined, and a loop whose task call has already seen the other checks' task classes may not inline.
 * Every check ends its worker (see {@link WorkerThread#abandon()}) so that a stuck one cannot disturb the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StopFlagChecks {
    private static final Duration WARM_UP = Duration.ofMillis(1000);

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("stop() from another thread ends run() soon, also once the JIT has compiled the loop (visibility)")
    void stopIsSeenByCompiledLoop() throws Exception {
        WorkerThread worker = new WorkerThread(new StoppableWorker(EmptyTask::runOnce)).start();
        try {
            Thread.sleep(WARM_UP.toMillis());
            assertTrue(worker.isRunning(), "run() returned within " + WARM_UP.toMillis() + " ms although stop() "
                    + "had not been called" + worker.thrownNote() + ". It must repeat the task until stop().");
            worker.stop();
            if (!worker.endsWithin(PATIENCE)) {
                fail("The worker ran an empty task for " + WARM_UP.toMillis() + " ms; then stop() was called from "
                        + "another thread, but run() was still looping " + PATIENCE.toSeconds() + " s later, at:\n"
                        + worker.stack() + "By then the JIT compiler had compiled the loop, and compiled code may "
                        + "read a plain field once, before the loop, and never again: the worker thread never saw "
                        + "the flag change. Make the flag volatile (or an AtomicBoolean), so that every read sees "
                        + "the latest write.");
            }
        } finally {
            if (worker.isRunning()) {
                EmptyTask.abandon(worker);
            }
        }
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("run() repeats the task until stop() is called, then returns after the run in progress")
    void repeatsUntilStopped() throws Exception {
        AtomicLong taskRuns = new AtomicLong();
        WorkerThread worker = new WorkerThread(() -> {
            taskRuns.incrementAndGet();
            sleepQuietly(1);
        }).start();
        try {
            boolean repeated = WorkerThread.await(() -> taskRuns.get() >= 20 || !worker.isRunning(), PATIENCE);
            assertTrue(worker.isRunning(), "run() returned after " + taskRuns.get() + " task run(s) although "
                    + "stop() had not been called" + worker.thrownNote() + ". It must repeat the task (a loop, "
                    + "not an if).");
            assertTrue(repeated, "The task (1 ms per run) ran only " + taskRuns.get() + " time(s) in "
                    + PATIENCE.toSeconds() + " s.");
            worker.stop();
            assertTrue(worker.endsWithin(PATIENCE), "stop() was called, but run() was still looping "
                    + PATIENCE.toSeconds() + " s later although each task run takes about 1 ms; the task ran "
                    + taskRuns.get() + " times by then. It is at:\n" + worker.stack() + "run() must check the "
                    + "flag itself before every run - a copy taken before the loop never changes.");
        } finally {
            worker.abandon();
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("runs() counts exactly the completed task runs, not the one in progress, and none starts after stop()")
    void runsCountsCompletedRuns() throws Exception {
        Semaphore mayFinish = new Semaphore(0);
        AtomicLong started = new AtomicLong();
        WorkerThread[] self = new WorkerThread[1];
        WorkerThread worker = self[0] = new WorkerThread(() -> {
            started.incrementAndGet();
            awaitPermit(mayFinish, self[0]);
        });
        worker.start();
        try {
            for (long inProgress = 1; inProgress <= 4; inProgress++) {
                long expected = inProgress;
                WorkerThread.await(() -> started.get() >= expected || !worker.isRunning(), PATIENCE);
                assertTrue(started.get() >= expected, "Task run " + expected + " did not start within "
                        + PATIENCE.toSeconds() + " s (started: " + started.get() + ")"
                        + (worker.isRunning() ? "" : "; run() had returned" + worker.thrownNote()) + ".");
                long runs = worker.runs();
                assertEquals(inProgress - 1, runs, "While task run " + inProgress + " was still in progress (after "
                        + (inProgress - 1) + " completed), runs() returned " + runs + ". runs() counts completed "
                        + "runs: count after the task returns, not before it starts.");
                if (inProgress < 4) {
                    mayFinish.release();
                }
            }
            worker.stop();
            mayFinish.release(1000);
            assertTrue(worker.endsWithin(PATIENCE), "stop() was called while task run 4 was in progress; the task "
                    + "then returned, but run() did not return within " + PATIENCE.toSeconds() + " s.");
            assertEquals(4, started.get(), "stop() was called while task run 4 was in progress, yet the worker "
                    + "started " + started.get() + " runs in all: after stop() it must not start another run.");
            assertEquals(4, worker.runs(), "The task completed 4 runs, but runs() returned " + worker.runs()
                    + " after run() had returned.");
        } finally {
            worker.abandon();
            mayFinish.release(1000);
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("runs() can be called from another thread while the worker runs, and shows the count growing")
    void runsIsVisibleWhileRunning() throws Exception {
        AtomicLong taskRuns = new AtomicLong();
        WorkerThread worker = new WorkerThread(taskRuns::incrementAndGet).start();
        try {
            WorkerThread.await(() -> taskRuns.get() >= 1000 || !worker.isRunning(), PATIENCE);
            long first = worker.runs();
            boolean grew = WorkerThread.await(() -> worker.runs() >= first + 1000 || !worker.isRunning(), PATIENCE);
            assertTrue(worker.isRunning(), "run() returned although stop() had not been called"
                    + worker.thrownNote() + ".");
            assertTrue(grew, "While the worker was running (the task had run " + taskRuns.get() + " times), "
                    + "runs() read from another thread went from " + first + " only to " + worker.runs() + " in "
                    + PATIENCE.toSeconds() + " s. Update the count as each run completes, in a field whose "
                    + "writes other threads are guaranteed to see (volatile, an atomic, or guarded by a lock).");
        } finally {
            worker.abandon();
        }
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("stop() called before run() makes run() return at once, without running the task")
    void stopBeforeRun() throws Exception {
        AtomicLong taskRuns = new AtomicLong();
        WorkerThread worker = new WorkerThread(taskRuns::incrementAndGet);
        worker.worker.stop();
        worker.start();
        try {
            assertTrue(worker.endsWithin(PATIENCE), "stop() was called before run(), but run() was still running "
                    + "the task " + PATIENCE.toSeconds() + " s later (" + taskRuns.get() + " runs). A stop request "
                    + "made before run() starts must not be forgotten - does run() reset the flag?");
            assertEquals(0, taskRuns.get(), "stop() was called before run(), yet run() ran the task "
                    + taskRuns.get() + " time(s)" + worker.thrownNote() + ". Check the flag before each run, the "
                    + "first one included.");
        } finally {
            worker.abandon();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks the task run until the check releases a permit, or until the check abandons the worker. */
    private static void awaitPermit(Semaphore permits, WorkerThread worker) {
        try {
            while (!permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                if (worker.isAbandoned()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
