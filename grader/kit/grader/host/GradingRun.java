package kit.grader.host;

import kit.grader.layout.Exercise;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One grading on a thread of its own that can be cancelled at any moment: {@link #cancel()} interrupts the thread
 * and kills every process this JVM started (the check JVMs, and anything they started), until the thread has ended.
 * A cancelled grading reports nothing.
 */
public final class GradingRun {
    private final Thread thread;
    private volatile boolean cancelled;

    private GradingRun(Thread.Builder threads, Runnable body) {
        thread = threads.unstarted(body);
    }

    /** Starts grading {@code exercise} in {@code dir}; {@code onEnd} gets the result, unless cancelled first. */
    public static GradingRun start(ExerciseGrader grader, Exercise exercise, Path dir, ExerciseGrader.Listener listener,
            BiConsumer<GradingRun, Outcome> onEnd) {
        GradingRun[] self = new GradingRun[1];
        self[0] = new GradingRun(Thread.ofPlatform().name("grading-" + exercise.id()), () -> {
            Outcome outcome;
            try {
                outcome = new Outcome(grader.grade(exercise, dir, listener), null);
            } catch (RuntimeException e) {
                outcome = new Outcome(null, e.getMessage());
            }
            if (!self[0].cancelled) {
                onEnd.accept(self[0], outcome);
            }
        });
        self[0].thread.start();
        return self[0];
    }

    /** A result, or why the grader could not give one. */
    public record Outcome(ExerciseResult result, String graderError) {}

    public boolean running() {
        return thread.isAlive();
    }

    /** Stops the grading and every process it started; returns once none is left. */
    public void cancel() {
        cancelled = true;
        thread.interrupt();
        do {
            killChildProcesses();
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (thread.isAlive());
        killChildProcesses();
    }

    /** Kills every process this JVM started, and theirs, and waits until they are gone. */
    public static void killChildProcesses() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        ProcessHandle.current().descendants().forEach(p -> p.onExit().completeOnTimeout(p, 5, TimeUnit.SECONDS).join());
    }
}
