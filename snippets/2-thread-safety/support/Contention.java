import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Puts a shared object under contention: starts {@code threads} platform threads, holds them at a start gate until
 * all exist, then lets each run {@code op} {@code opsPerThread} times. Without the gate the first thread could finish
 * before the last one starts, and they would never collide. Used by the counter, atomics and collection snippets.
 */
final class Contention {
    private Contention() {}

    /** Runs the load and returns how long it took from opening the gate until the last thread ended. */
    static Duration run(int threads, int opsPerThread, Runnable op) {
        CountDownLatch gate = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().name("contender-" + t).start(() -> {
                awaitQuietly(gate);
                for (int i = 0; i < opsPerThread; i++) {
                    op.run();
                }
            }));
        }
        long start = System.nanoTime();
        gate.countDown();
        workers.forEach(Contention::joinQuietly);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread worker) {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
