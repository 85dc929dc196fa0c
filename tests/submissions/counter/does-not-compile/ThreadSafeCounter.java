// A submission with a compile error (no semicolon on line 8): the grader gives 0 points and javac's file:line.
package counter;

public final class ThreadSafeCounter {
    private int count;

    public synchronized void increment() {
        count++
    }

    public synchronized int value() {
        return count;
    }
}
