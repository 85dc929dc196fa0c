// BUG: volatile instead of a lock - every write is visible, but += and compare-then-set are still several steps
// CAUGHT-BY: act as if one at a time
package atomicint;

public final class AtomicInt {
    private volatile int value;

    public AtomicInt(int initialValue) {
        value = initialValue;
    }

    public int increment(int amount) {
        value += amount;
        return value;
    }

    public int decrement(int amount) {
        value -= amount;
        return value;
    }

    public int value() {
        return value;
    }

    public void setValue(int newValue) {
        value = newValue;
    }

    public boolean compareAndSet(int expectedValue, int newValue) {
        if (value != expectedValue) {
            return false;
        }
        value = newValue;
        return true;
    }
}
