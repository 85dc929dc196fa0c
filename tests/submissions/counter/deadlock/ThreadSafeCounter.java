// A submission that takes two locks in opposite orders: two threads, one in increment() and one in value(), each
// hold one lock and wait for the other - a deadlock the grader must stop and explain.
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
            synchronized (first) {
                return count;
            }
        }
    }
}
