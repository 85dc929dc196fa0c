// A submission that ends the JVM from value() once the count reaches 3: the grader must survive, blame System.exit,
// and still grade the other checks.
package counter;

public final class ThreadSafeCounter {
    private int count;

    public synchronized void increment() {
        count++;
    }

    public synchronized int value() {
        if (count == 3) {
            System.exit(0);
        }
        return count;
    }
}
