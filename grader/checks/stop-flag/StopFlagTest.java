package kit.checks.stopflag;

import static kit.grader.api.Deadlines.STOP;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import kit.grader.api.Deadlines;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.Visibility;
import stopflag.StoppableWorker;

/**
 * Checks of {@link StoppableWorker}. The visibility check runs first: it needs the JIT to compile the worker's loop
 * with the task inlined, and a loop whose task call has already seen the other checks' task classes may not inline.
 * Every check ends its worker (see {@link WorkerThread#abandon()}) so that a stuck one cannot disturb the next.
 *
 * <p>The warm-up is measured in the worker's CPU time, not in wall-clock time, and compilation is not done in the
 * background: a thread whose loop is due to be compiled waits for the compiled code and runs it. So the loop is
 * compiled by C2 after the same amount of work on a busy machine or a single CPU as on an idle one.
 */
@JvmOptions("-XX:-BackgroundCompilation")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StopFlagTest {
    private static final Duration WARM_UP = Duration.ofMillis(300);
    /** The CPU time a visibility check's reader may spin before the write is made (see Visibility), as elsewhere. */
    private static final Duration READER_WARM_UP = Duration.ofMillis(1500);

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("stop() from another thread ends run() soon, also once the JIT has compiled the loop (visibility)")
    void stopIsSeenByCompiledLoop() throws Exception {
        WorkerThread worker = new WorkerThread(new StoppableWorker(EmptyTask::runOnce)).start();
        try {
            worker.warmUp(WARM_UP);
            verify(worker.isRunning(), () -> worker.howItEnded() + " although stop() had not been called. It must "
                    + "repeat the task until stop() is called.");
            worker.stop();
            Optional<String> notEnded = worker.endsAfterStop();
            verify(notEnded.isEmpty(), () -> "The worker ran an empty task for " + WARM_UP.toMillis()
                    + " ms of CPU time; then stop() was called from another thread, but " + notEnded.get()
                    + ", at:\n" + worker.stack() + "By then the JIT compiler had "
                    + "compiled the loop, and compiled code may read a plain field once, before the loop, and never "
                    + "again: the worker thread never saw the flag change. Make the flag volatile (or an "
                    + "AtomicBoolean), so that every read sees the latest write.");
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
            boolean repeated = WorkerThread.await(() -> taskRuns.get() >= 20 || !worker.isRunning(), STOP);
            verify(worker.isRunning(), () -> worker.howItEnded() + " after " + taskRuns.get() + " task run(s) "
                    + "although stop() had not been called. It must repeat the task until stop() is called: a "
                    + "loop, not an if.");
            verify(repeated, () -> "The task (1 ms per run) ran only " + taskRuns.get() + " time(s) in "
                    + STOP.toSeconds() + " s.");
            worker.stop();
            Optional<String> notEnded = worker.endsAfterStop();
            verify(notEnded.isEmpty(), () -> "stop() was called, but " + notEnded.get() + ", although each task run"
                    + " takes about 1 ms; the task ran " + taskRuns.get() + " times by then. It is at:\n"
                    + worker.stack() + "run() must read the flag "
                    + "field itself before every run - a copy taken before the loop never changes.");
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
                long run = inProgress;
                WorkerThread.await(() -> started.get() >= run || !worker.isRunning(), STOP);
                verify(started.get() >= run, () -> "Task run " + run + " did not start within "
                        + STOP.toSeconds() + " s (" + (run - 1) + " had completed)"
                        + (worker.isRunning() ? "." : "; " + worker.howItEnded() + " without stop() being called."));
                long runs = worker.runs();
                verify(runs == run - 1, () -> "While task run " + run + " was still in progress (after " + (run - 1)
                        + " had completed), runs() returned " + runs + " instead of " + (run - 1) + ". runs() counts "
                        + "completed runs: count a run after the task returns, not before it starts.");
                if (run < 4) {
                    mayFinish.release();
                }
            }
            worker.stop();
            mayFinish.release(1000);
            Optional<String> notEnded = worker.endsAfterStop();
            verify(notEnded.isEmpty(), () -> "stop() was called while task run 4 was in progress; the task then"
                    + " returned, but " + notEnded.get() + ".");
            verify(started.get() == 4, () -> "stop() was called while task run 4 was in progress, yet the worker "
                    + "started " + started.get() + " runs in all: after stop() it must not start another run.");
            long runs = worker.runs();
            verify(runs == 4, () -> "The task completed 4 runs, but runs() returned " + runs + " after run() had "
                    + "returned.");
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
            WorkerThread.await(() -> taskRuns.get() >= 1000 || !worker.isRunning(), STOP);
            long begun = taskRuns.get();
            long first = worker.runs();
            // Each run the worker began after another ended: all but the last begun had completed before this call.
            verify(first >= begun - 1, () -> "While the worker was running, the task had begun " + begun + " runs,"
                    + " so at least " + (begun - 1) + " had completed before runs() was called from another thread;"
                    + " yet runs() returned " + first + ". Update the count as each run completes, in a field whose"
                    + " writes other threads are guaranteed to see (volatile, an atomic, or guarded by a lock).");
            boolean grew = WorkerThread.await(() -> worker.runs() >= first + 1000 || !worker.isRunning(), STOP);
            verify(worker.isRunning(), () -> worker.howItEnded() + " although stop() had not been called.");
            long last = worker.runs();
            verify(grew, () -> "While the worker was running (the task had run " + taskRuns.get() + " times), "
                    + "runs() read from another thread went from " + first + " only to " + last + " in "
                    + STOP.toSeconds() + " s. Update the count as each run completes, in a field whose writes "
                    + "other threads are guaranteed to see (volatile, an atomic, or guarded by a lock).");
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
            Optional<String> notEnded = worker.endsAfterStop();
            verify(notEnded.isEmpty(), () -> "stop() was called before run(), but " + notEnded.get() + " ("
                    + taskRuns.get() + " task runs in all). A stop request "
                    + "made before run() starts must not be forgotten - does run() reset the flag?");
            verify(taskRuns.get() == 0, () -> "stop() was called before run(), yet the task ran " + taskRuns.get()
                    + " time(s) before " + worker.howItEnded() + ". Check the flag before each run, the first one "
                    + "included.");
        } finally {
            worker.abandon();
        }
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("runs() read in a loop by another thread sees a run complete, also once the JIT has compiled the"
            + " reader (visibility)")
    void runsIsSeenByCompiledReader() throws Exception {
        Semaphore mayFinish = new Semaphore(0);
        AtomicLong started = new AtomicLong();
        WorkerThread[] self = new WorkerThread[1];
        WorkerThread worker = self[0] = new WorkerThread(() -> {
            started.incrementAndGet();
            awaitPermit(mayFinish, self[0]);
        });
        worker.start();
        try {
            WorkerThread.await(() -> started.get() >= 1 || !worker.isRunning(), STOP);
            verify(started.get() >= 1, () -> "The first task run did not start within " + STOP.toSeconds() + " s"
                    + (worker.isRunning() ? "." : "; " + worker.howItEnded() + " without stop() being called."));
            worker.runs(); // it must return while a run is in progress (else the reader below could only wait)
            StoppableWorker shared = worker.worker;
            boolean seen = Visibility.readerSeesWrite("the first task run completing while another thread calls"
                    + " runs() in a loop", READER_WARM_UP, () -> shared.runs() == 0, mayFinish::release);
            if (!seen) {
                long now = worker.runs();
                fail("A thread calling runs() in a loop never saw the count change from 0 (still 0 after "
                        + Deadlines.SEEN.toSeconds() + " s), although the worker had completed its first task run"
                        + " (runs() called afresh returns " + now + "). runs() reads a field that only the worker"
                        + " writes, with nothing that orders the reader after the worker's write: the JIT may read it"
                        + " once, before the reader's loop, and reuse that number forever. Make the count volatile"
                        + " (or an AtomicLong), or read and write it under one lock - every value another thread"
                        + " reads needs that, not only the flag.");
            }
        } finally {
            worker.abandon();
            mayFinish.release(1000);
        }
    }

    /** Fails the check with {@code message} (built only when needed: it may call into the learner's code). */
    private static void verify(boolean ok, Supplier<String> message) {
        if (!ok) {
            fail(message.get());
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
