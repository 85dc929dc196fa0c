package threadsafety;

/**
 * The racy counter with a plain field: {@code count++} and {@code value()} with no lock and no {@code volatile}. Two
 * threads' increments race for the update (one may be lost), and a reader has no happens-before edge to any write:
 * under the Java Memory Model it may go on reading an old count for ever.
 */
public final class PlainCounter {
    private int count;

    public void increment() {
        count++;
    }

    public int value() {
        return count;
    }
}
