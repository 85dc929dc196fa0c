// A correct counter that prints a line of 100,000 characters on every increment (debugging output left in): the
// checks call it tens of thousands of times. The grader must keep what it shows short (per line and in total), pay
// for the capture itself, and never call it running out of memory.
package counter;

public final class ThreadSafeCounter {
    private static final String LINE = "#".repeat(100_000);
    private int count;

    public synchronized void increment() {
        count++;
        System.out.println("count is now " + count + " " + LINE);
    }

    public synchronized int value() {
        return count;
    }
}
