// BUG: neither field is volatile: once the JIT compiles the loop it reads `stopped` once and spins forever.
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
