// A submission whose static initializer starts a thread that uses the class and waits for it to end: that thread
// cannot use the class before its initializer has finished, and the initializer waits for the thread - neither
// ever goes on. The grader must tell it once, in seconds, and show where the initializer waits.
package counter;

public final class ThreadSafeCounter {
    private static final ThreadSafeCounter SHARED = new ThreadSafeCounter();

    static {
        Thread warmUp = new Thread(() -> SHARED.increment());
        warmUp.start();
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int count;

    public synchronized void increment() {
        count++;
    }

    public synchronized int value() {
        return count;
    }
}
