// BUG: setValue() writes without the lock, so its write can fall inside another thread's increment and be lost
// CAUGHT-BY: act as if one at a time
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

    public synchronized int value() {
        return value;
    }

    public void setValue(int newValue) {
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
