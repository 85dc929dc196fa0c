// A submission that takes two locks in opposite orders: two threads, one in increment() and one in value(), each
// hold one lock and wait for the other - a deadlock the grader must stop and explain. value() pauses between its two
// locks, so that real threads deadlock on every run, not only when they happen to meet in that instant.
package counter;

public final class ThreadSafeCounter {
    private final Object first = new Object();
    private final Object second = new Object();
    private int count;

    public void increment() {
        synchronized (first) {
            synchronized (second) {
                count++;
            }
        }
    }

    public int value() {
        synchronized (second) {
            pause();
            synchronized (first) {
                return count;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
