package stopflag;

/**
 * Runs a task again and again until another thread calls {@link #stop()}.
 *
 * <p>Both fields are written by one thread and read by another, so both are {@code volatile}: without it the JIT
 * may read {@code stopped} once, before the loop, and spin forever (it is allowed to, because nothing in the loop
 * tells it another thread could change the field). Only the worker thread writes {@code runs}, so the plain
 * {@code runs++} on a volatile is safe here: there is no second writer whose update could be lost.
 */
public final class StoppableWorker implements Runnable {
    private final Runnable task;
    private volatile boolean stopped;
    private volatile long runs;

    public StoppableWorker(Runnable task) {
        this.task = task;
    }

    @Override
    public void run() {
        while (!stopped) {
            task.run();
            runs++;
        }
    }

    /** Asks the worker to return after the task run in progress, if any. Callable from any thread. */
    public void stop() {
        stopped = true;
    }

    /** How many task runs have completed so far. Callable from any thread. */
    public long runs() {
        return runs;
    }
}
