// BUG: increment() is locked but value() reads the plain field without the lock: a reader may never see the update
// CAUGHT-BY: value() sees an increment made by another thread
package counter;

public final class ThreadSafeCounter {
    private int count;

    public synchronized void increment() {
        count++;
    }

    public int value() {
        return count;
    }
}
