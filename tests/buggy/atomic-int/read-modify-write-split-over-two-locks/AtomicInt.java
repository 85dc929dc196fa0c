// BUG: increment() reads under the lock and writes under the lock, but releases it in between (C2 may even merge
// the two blocks, so only model checking catches this on every run)
// CAUGHT-BY: act as if one at a time
package atomicint;

public final class AtomicInt {
    private final Object lock = new Object();
    private int value;

    public AtomicInt(int initialValue) {
        value = initialValue;
    }

    public int increment(int amount) {
        int current;
        synchronized (lock) {
            current = value;
        }
        synchronized (lock) {
            value = current + amount;
            return value;
        }
    }

    public int decrement(int amount) {
        synchronized (lock) {
            value -= amount;
            return value;
        }
    }

    public int value() {
        synchronized (lock) {
            return value;
        }
    }

    public void setValue(int newValue) {
        synchronized (lock) {
            value = newValue;
        }
    }

    public boolean compareAndSet(int expectedValue, int newValue) {
        synchronized (lock) {
            if (value != expectedValue) {
                return false;
            }
            value = newValue;
            return true;
        }
    }
}
