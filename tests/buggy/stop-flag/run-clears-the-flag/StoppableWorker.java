// BUG: run() resets the flag when it starts, so a stop() made before run() is forgotten and the worker never ends.
// CAUGHT-BY: stop() called before run()
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
        stopped = false;
        while (!stopped) {
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
