// A submission whose increment() never returns once the count is 5: the grader must stop it and say where it runs.
package counter;

public final class ThreadSafeCounter {
    private int count;

    public void increment() {
        synchronized (this) {
            count++;
        }
        while (value() >= 5) {
            Thread.onSpinWait();
        }
    }

    public synchronized int value() {
        return count;
    }
}
