// BUG: reads under the lock, releases it, then writes under the lock again - another increment fits in between
// CAUGHT-BY: act as if one at a time
package counter;

public final class ThreadSafeCounter {
    private int count;

    public void increment() {
        int current;
        synchronized (this) {
            current = count;
        }
        synchronized (this) {
            count = current + 1;
        }
    }

    public synchronized int value() {
        return count;
    }
}
