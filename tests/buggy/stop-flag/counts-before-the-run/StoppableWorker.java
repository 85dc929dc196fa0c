// BUG: counts a run when it starts, so runs() includes the run still in progress.
// CAUGHT-BY: runs() counts exactly the completed task runs
package stopflag;

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
            runs++;
            task.run();
        }
    }

    public void stop() {
        stopped = true;
    }

    public long runs() {
        return runs;
    }
}
