package atomicint;

/**
 * An integer whose every operation is atomic, built on a lock as in the chapter (Python has no atomic variables).
 * Java has them - {@link java.util.concurrent.atomic.AtomicInteger} - and this class exists to show what they
 * promise. Each method holds the object's monitor ({@code synchronized}) for the whole read-modify-write.
 */
public final class AtomicInt {
    private int value;

    public AtomicInt(int initialValue) {
        // Under the monitor too: a thread that gets this object through a data race (from a plain field, without a
        // lock) could otherwise see value 0. Every synchronized call locks the monitor after this block unlocked it,
        // so it sees initialValue.
        synchronized (this) {
            value = initialValue;
        }
    }

    /** Adds {@code amount} and returns the new value. */
    public synchronized int increment(int amount) {
        value += amount;
        return value;
    }

    /** Subtracts {@code amount} and returns the new value. */
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

    /** Sets {@code newValue} only if the current value is {@code expectedValue}; true if it did. */
    public synchronized boolean compareAndSet(int expectedValue, int newValue) {
        if (value != expectedValue) {
            return false;
        }
        value = newValue;
        return true;
    }
}
