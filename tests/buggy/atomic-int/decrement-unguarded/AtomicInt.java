// BUG: decrement() forgot synchronized - its read-modify-write interleaves with the other methods' and loses updates
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

    public int decrement(int amount) {
        value -= amount;
        return value;
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
