import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Measures how long an item waits between put and the moment a waiting consumer has it ("wake-up latency"), and
 * how much CPU time the consumer thread burns while waiting, for sleep-polling and for a condition object.
 *
 * <p>The producer puts {@code items} timestamps with a random pause of 2-12 ms before each (fixed seed: the same
 * pauses in every measurement), so items arrive at moments the consumer cannot predict, as real events do.
 */
final class WakeUpLatency {
    private WakeUpLatency() {}

    /** Latencies in milliseconds; with fewer than 100 items the 99th percentile is simply the slowest item. */
    record Result(String waiting, int items, double medianMillis, double p99Millis, double consumerCpuMillis) {}

    interface Take {
        Long take() throws InterruptedException;
    }

    /** Measures a consumer that takes with {@code take} while a producer puts {@code items} with {@code put}. */
    static Result measure(String waiting, int items, Consumer<Long> put, Take take)
            throws InterruptedException {
        if (items < 1) {
            throw new IllegalArgumentException("items must be at least 1, was " + items);
        }
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        long[] latencies = new long[items];
        long[] consumerCpu = new long[1];
        Thread consumer = Thread.ofPlatform().name("consumer").start(() -> {
            long cpuAtStart = threadBean.getCurrentThreadCpuTime();
            try {
                for (int i = 0; i < items; i++) {
                    long putAt = take.take();
                    latencies[i] = System.nanoTime() - putAt;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumerCpu[0] = threadBean.getCurrentThreadCpuTime() - cpuAtStart;
        });
        Random pauses = new Random(42);
        for (int i = 0; i < items; i++) {
            Thread.sleep(Duration.ofMillis(2 + pauses.nextInt(11)));
            put.accept(System.nanoTime());
        }
        consumer.join(); // also makes latencies and consumerCpu visible here
        Arrays.sort(latencies);
        return new Result(waiting, items, millis(latencies[(items - 1) / 2]),
                millis(latencies[(int) Math.ceil(items * 0.99) - 1]), millis(consumerCpu[0]));
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
