// A submission whose constructor starts a (non-daemon) thread that spins forever: every counter the checks create
// adds one. The grader must stop it within seconds and show the threads once, grouped, not hundreds of stacks.
package counter;

public final class ThreadSafeCounter {
    private int count;

    public ThreadSafeCounter() {
        new Thread(() -> {
            while (true) {
                Thread.onSpinWait();
            }
        }).start();
    }

    public synchronized void increment() {
        count++;
    }

    public synchronized int value() {
        return count;
    }
}
