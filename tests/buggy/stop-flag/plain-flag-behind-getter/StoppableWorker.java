// BUG: the flag is read through a method, but the field is still plain: the JIT inlines the getter and hoists the read.
// CAUGHT-BY: also once the JIT has compiled the loop
package stopflag;

public final class StoppableWorker implements Runnable {
    private final Runnable task;
    private boolean stopped;
    private long runs;

    public StoppableWorker(Runnable task) {
        this.task = task;
    }

    @Override
    public void run() {
        while (!isStopped()) {
            task.run();
            runs++;
        }
    }

    private boolean isStopped() {
        return stopped;
    }

    public void stop() {
        stopped = true;
    }

    public long runs() {
        return runs;
    }
}
