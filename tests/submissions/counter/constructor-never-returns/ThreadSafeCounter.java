// A submission whose constructor never returns: it waits for a start signal that nothing ever gives. JUnit makes a
// check's objects (its fields) before the check starts, so no check's time limit runs yet: the grader must tell it
// once, in seconds, and not wait for each check's JVM to be killed.
package counter;

import java.util.concurrent.CountDownLatch;

public final class ThreadSafeCounter {
    private final CountDownLatch started = new CountDownLatch(1);
    private int count;

    public ThreadSafeCounter() {
        while (true) {
            try {
                started.await();
                return;
            } catch (InterruptedException e) {
                // and wait again
            }
        }
    }

    public synchronized void increment() {
        count++;
    }

    public synchronized int value() {
        return count;
    }
}
