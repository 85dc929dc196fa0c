// BUG: value() reads the plain field without the lock: a thread polling value() may never see another thread's write
// CAUGHT-BY: value() sees a setValue() made by another thread
package atomicint;

public final class AtomicInt {
    private int value;

    public AtomicInt(int initialValue) {
        value = initialValue;
    }

    public synchronized int increment(int amount) {
        value += amount;
        return value;
    }

    public synchronized int decrement(int amount) {
        value -= amount;
        return value;
    }

    public int value() {
        return value;
    }

    public synchronized void setValue(int newValue) {
        value = newValue;
    }

    public synchronized boolean compareAndSet(int expectedValue, int newValue) {
        if (value != expectedValue) {
            return false;
        }
        value = newValue;
        return true;
    }
}
