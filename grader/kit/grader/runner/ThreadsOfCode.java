package kit.grader.runner;

import java.util.Map;

/**
 * The threads the learner's code started, counted from one look at every thread: a thread whose outermost frame that
 * is not the JDK's is the learner's (a {@code new Thread(...)} of its own; a pool's threads run JDK code around the
 * tasks and are not counted). Also what the learner reads when the JVM can start no more threads.
 */
public final class ThreadsOfCode {
    /**
     * How the watchdog's verdict on threads without end opens: the grader's side recognises it by this and stops the
     * exercise's checks that are left - each would start the same threads.
     */
    public static final String VERDICT = "Stopped: your code started ";
    /**
     * Twice the most threads a correct class runs at once in any check (parallel-map's parallelism 4; no other
     * exercise starts threads). Not more: on a spinning thread of its own per object, the check slows down as they
     * accumulate, and under a model checker every new thread comes later than the last.
     */
    static final int MAX_RUNNING = 8;
    /**
     * Alive (running, sleeping or waiting) at once: no correct class of these exercises keeps more than a few; a
     * thread started per object and never ended passes this within a check, long before the machine runs out of
     * threads (3,000 per constructor call did, in seconds, told as a lack of memory).
     */
    static final int MAX_ALIVE = 64;

    final long running;
    final long alive;

    private ThreadsOfCode(long running, long alive) {
        this.running = running;
        this.alive = alive;
    }

    static ThreadsOfCode count(Map<Thread, StackTraceElement[]> threads, String learnerPackage) {
        long running = 0;
        long alive = 0;
        for (Map.Entry<Thread, StackTraceElement[]> e : threads.entrySet()) {
            if (startedByCode(e.getValue(), learnerPackage) && e.getKey().isAlive()) {
                alive++;
                if (e.getKey().getState() == Thread.State.RUNNABLE) {
                    running++;
                }
            }
        }
        return new ThreadsOfCode(running, alive);
    }

    private static boolean startedByCode(StackTraceElement[] stack, String learnerPackage) {
        for (int depth = stack.length - 1; depth >= 0; depth--) {
            String type = stack[depth].getClassName();
            if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun."))) {
                return type.startsWith(learnerPackage + ".");
            }
        }
        return false;
    }

    /** The JVM could not start a thread: an OutOfMemoryError that says so, anywhere in the chain. */
    static boolean isOutOfThreads(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError && t.getMessage() != null && t.getMessage().contains("native thread")) {
                return true;
            }
        }
        return false;
    }

    /** What the learner reads: their own threads when there are many, else the machine's lack of them. */
    String outOfThreads(Throwable failure) {
        String said = failure.getClass().getName() + ": " + failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                said = t.getClass().getName() + ": " + t.getMessage();
            }
        }
        if (alive > MAX_ALIVE) {
            return "Your code started " + alive + " threads of its own that are still alive, and the JVM could start"
                    + " no more (" + said + "). A thread started in a constructor or on every call, and never ended,"
                    + " stays until the program ends: start threads only where the exercise asks, and let them end.";
        }
        return "The check could not run: the JVM could not start a thread it needed (" + said + "). The machine has"
                + " run out of threads or of memory for them; your code runs " + alive + " thread(s) of its own, which"
                + " is not the cause. This says nothing about your code, so the check's points are missing. Grade"
                + " again; if it happens every time, show this to your teacher.";
    }
}
