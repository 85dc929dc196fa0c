// BUG: compareAndSet() checks the value, releases the lock, then sets it - check-then-act, two threads can both win
// CAUGHT-BY: act as if one at a time
// STRESS-CAUGHT-BY: exactly one wins
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

    public synchronized void setValue(int newValue) {
        value = newValue;
    }

    public boolean compareAndSet(int expectedValue, int newValue) {
        if (value() != expectedValue) {
            return false;
        }
        setValue(newValue);
        return true;
    }
}
