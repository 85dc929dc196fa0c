// BUG: increment() and decrement() return the value from before the change, not the new value
// CAUGHT-BY: On one thread every method keeps its contract
package atomicint;

public final class AtomicInt {
    private int value;

    public AtomicInt(int initialValue) {
        value = initialValue;
    }

    public synchronized int increment(int amount) {
        int old = value;
        value += amount;
        return old;
    }

    public synchronized int decrement(int amount) {
        int old = value;
        value -= amount;
        return old;
    }

    public synchronized int value() {
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
