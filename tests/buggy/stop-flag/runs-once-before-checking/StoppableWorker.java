// BUG: do-while: the task runs once before the flag is first checked, even when stop() came before run().
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
        do {
            task.run();
            runs++;
        } while (!stopped);
    }

    public void stop() {
        stopped = true;
    }

    public long runs() {
        return runs;
    }
}
