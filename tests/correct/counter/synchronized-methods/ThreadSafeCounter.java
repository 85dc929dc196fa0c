// CORRECT: synchronized methods - the object's own monitor guards the count for the increment and for the read
package counter;

public final class ThreadSafeCounter {
    private int count;

    public synchronized void increment() {
        count++;
    }

    public synchronized int value() {
        return count;
    }
}
