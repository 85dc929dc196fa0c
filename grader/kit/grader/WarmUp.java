package kit.grader;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The one warm-up of the checks that need the JIT to have compiled a loop (visibility checks): it waits until the
 * looping thread has used a given amount of CPU time, not wall-clock time, so the loop has run as often on a busy
 * machine or a single CPU as on an idle one. (A JVM with {@code -XX:-BackgroundCompilation} also makes the thread
 * wait for its compiled code, so the loop is then surely compiled.)
 */
public final class WarmUp {
    private WarmUp() {}

    /** Waits until {@code thread} has used {@code cpu} of CPU time, or has ended, or {@link Deadlines#WARM_UP_LIMIT}. */
    public static void untilCpuTime(Thread thread, Duration cpu) throws InterruptedException {
        long deadline = System.nanoTime() + Deadlines.WARM_UP_LIMIT.toNanos();
        while (thread.isAlive() && cpuTime(thread).compareTo(cpu) < 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    /** The CPU time {@code thread} has used so far. */
    public static Duration cpuTime(Thread thread) {
        return Duration.ofNanos(Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId())));
    }
}
