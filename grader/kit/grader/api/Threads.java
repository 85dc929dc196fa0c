package kit.grader.api;

import kit.grader.race.RaceDetector;

/** Plain threads for checks that run a scenario by hand (e.g. inside Lincheck's runConcurrentTest). */
public final class Threads {
    private Threads() {}

    /** Starts {@code body} on a new thread. */
    public static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        RaceDetector.forked(thread);
        thread.start();
        return thread;
    }

    /** Waits for every thread to end; an interrupt of the check fails it. */
    public static void joinAll(Thread... threads) {
        try {
            for (Thread thread : threads) {
                thread.join();
                RaceDetector.joined(thread);
            }
        } catch (InterruptedException e) {
            throw new AssertionError("interrupted", e);
        }
    }
}
