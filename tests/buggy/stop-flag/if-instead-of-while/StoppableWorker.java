// BUG: `if` instead of `while`: run() runs the task once and returns without waiting for stop().
// CAUGHT-BY: repeats the task until stop() is called
// CAUGHT-BY: also once the JIT has compiled the loop
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
        if (!stopped) {
            task.run();
            runs++;
        }
    }

    public void stop() {
        stopped = true;
    }

    public long runs() {
        return runs;
    }
}
