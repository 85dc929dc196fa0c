// BUG: volatile makes each read and write visible, but count++ is still read, add, write - two threads lose updates
// CAUGHT-BY: act as if one at a time
// STRESS-CAUGHT-BY: two increments at once are both counted
package counter;

public final class ThreadSafeCounter {
    private volatile int count;

    public void increment() {
        count++;
    }

    public int value() {
        return count;
    }
}
