// A submission whose static initializer never finishes: it sleeps forever, so the class never becomes usable and
// every check that touches it would wait. The grader must tell it once, in seconds, not check by check.
package counter;

public final class ThreadSafeCounter {
    private static final long STARTED = waitForever();
    private int count;

    private static long waitForever() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                // and on
            }
        }
    }

    public synchronized void increment() {
        count++;
    }

    public synchronized int value() {
        return count;
    }
}
