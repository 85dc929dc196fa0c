package stopflag;

/**
 * Runs a task again and again, on whatever thread calls {@link #run()}, until another thread calls {@link #stop()}.
 *
 * <p>Two threads share this object: the worker thread inside run(), and any thread that calls stop() or runs().
 * Decide which fields they share and how the worker thread is guaranteed to see the other thread's writes (and the
 * other way round). Read README.md for the task and the rules; grade it with {@code ./jbang grade stop-flag}.
 */
public final class StoppableWorker implements Runnable {
    private final Runnable task;

    // TODO: the fields the worker thread and the other threads share

    public StoppableWorker(Runnable task) {
        this.task = task;
    }

    /** Runs the task again and again until stop() is called; then returns after the task run in progress. */
    @Override
    public void run() {
        throw new UnsupportedOperationException("TODO: implement run()");
    }

    /** Asks the worker to stop. Callable from any thread, at any time, and more than once; returns at once. */
    public void stop() {
        throw new UnsupportedOperationException("TODO: implement stop()");
    }

    /** How many task runs have completed so far. Callable from any thread, also while the worker runs. */
    public long runs() {
        throw new UnsupportedOperationException("TODO: implement runs()");
    }
}
