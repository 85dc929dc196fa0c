// BUG: counts in a local variable and stores it in the field only when run() returns: runs() stays 0 while it runs.
// CAUGHT-BY: runs() counts exactly the completed task runs
// CAUGHT-BY: shows the count growing
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
        long completed = 0;
        while (!stopped) {
            task.run();
            completed++;
        }
        runs = completed;
    }

    public void stop() {
        stopped = true;
    }

    public long runs() {
        return runs;
    }
}
