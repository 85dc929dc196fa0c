// A submission that keeps a megabyte for every increment, in a list no one ever clears: it runs out of memory. The
// grader must say so (with its heap limit), not blame an exception a checking tool threw once memory was gone.
package counter;

import java.util.ArrayList;
import java.util.List;

public final class ThreadSafeCounter {
    private static final List<byte[]> HISTORY = new ArrayList<>();
    private int count;

    public void increment() {
        synchronized (HISTORY) {
            HISTORY.add(new byte[1 << 20]);
        }
        synchronized (this) {
            count++;
        }
    }

    public synchronized int value() {
        return count;
    }
}
