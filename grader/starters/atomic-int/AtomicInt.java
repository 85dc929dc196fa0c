package atomicint;

/**
 * An integer whose every operation is atomic, built on a lock - what {@code java.util.concurrent.atomic.AtomicInteger}
 * promises, made by hand, as the chapter does in Python. Read README.md for the task and the rules; grade it with
 * {@code ./jbang grade atomic-int}.
 */
public final class AtomicInt {

    public AtomicInt(int initialValue) {
        // TODO: store the initial value
    }

    /** Adds {@code amount} and returns the new value. */
    public int increment(int amount) {
        throw new UnsupportedOperationException("TODO: implement increment(amount)");
    }

    /** Subtracts {@code amount} and returns the new value. */
    public int decrement(int amount) {
        throw new UnsupportedOperationException("TODO: implement decrement(amount)");
    }

    /** The current value. */
    public int value() {
        throw new UnsupportedOperationException("TODO: implement value()");
    }

    /** Replaces the value with {@code newValue}. */
    public void setValue(int newValue) {
        throw new UnsupportedOperationException("TODO: implement setValue(newValue)");
    }

    /** Sets {@code newValue} only if the current value is {@code expectedValue}; returns true if it did. */
    public boolean compareAndSet(int expectedValue, int newValue) {
        throw new UnsupportedOperationException("TODO: implement compareAndSet(expectedValue, newValue)");
    }
}
