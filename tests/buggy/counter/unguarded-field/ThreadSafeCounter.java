// BUG: no lock at all - count++ from two threads loses updates, and value() may never see other threads' writes
// CAUGHT-BY: act as if one at a time
package counter;

public final class ThreadSafeCounter {
    private int count;

    public void increment() {
        count++;
    }

    public int value() {
        return count;
    }
}
