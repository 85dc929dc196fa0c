// BUG: correct, but breaks the exercise's rule: it delegates to java.util.concurrent.atomic.AtomicInteger
// CAUGHT-BY: Follows the rule
package atomicint;

import java.util.concurrent.atomic.AtomicInteger;

public final class AtomicInt {
    private final AtomicInteger value;

    public AtomicInt(int initialValue) {
        value = new AtomicInteger(initialValue);
    }

    public int increment(int amount) {
        return value.addAndGet(amount);
    }

    public int decrement(int amount) {
        return value.addAndGet(-amount);
    }

    public int value() {
        return value.get();
    }

    public void setValue(int newValue) {
        value.set(newValue);
    }

    public boolean compareAndSet(int expectedValue, int newValue) {
        return value.compareAndSet(expectedValue, newValue);
    }
}
