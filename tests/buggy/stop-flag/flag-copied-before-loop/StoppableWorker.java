// BUG: run() copies the (volatile) flag into a local variable before the loop, so the loop never sees stop().
// CAUGHT-BY: also once the JIT has compiled the loop
// CAUGHT-BY: repeats the task until stop() is called
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
        boolean stopRequested = stopped;
        while (!stopRequested) {
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
