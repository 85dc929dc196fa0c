// BUG: every method is synchronized, and run() holds the lock for its whole loop: stop() and runs() wait forever.
// CAUGHT-BY: also once the JIT has compiled the loop
// CAUGHT-BY: repeats the task until stop() is called
// CAUGHT-BY: runs() counts exactly the completed task runs
// CAUGHT-BY: shows the count growing
package stopflag;

public final class StoppableWorker implements Runnable {
    private final Runnable task;
    private boolean stopped;
    private long runs;

    public StoppableWorker(Runnable task) {
        this.task = task;
    }

    @Override
    public synchronized void run() {
        while (!stopped) {
            task.run();
            runs++;
        }
    }

    public synchronized void stop() {
        stopped = true;
    }

    public synchronized long runs() {
        return runs;
    }
}
