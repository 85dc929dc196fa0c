// A submission whose constructor starts 3,000 threads that sleep forever (a "pool" started per object and never
// used): they use no CPU and no heap, but every counter the checks create adds 3,000 threads until the machine can
// start no more. The grader must stop it in seconds and tell it as threads, not as memory.
package counter;

public final class ThreadSafeCounter {
    private int count;

    public ThreadSafeCounter() {
        for (int i = 0; i < 3000; i++) {
            Thread helper = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            helper.start();
        }
    }

    public synchronized void increment() {
        count++;
    }

    public synchronized int value() {
        return count;
    }
}
