package kit.grader.api;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Whether a call waits for a lock that another thread keeps: the monitor of a {@code synchronized} method that loops,
 * or a lock held across a task that waits. Sure after {@link #KEPT}, where the check would otherwise wait out its
 * whole bound - each check that calls in again too.
 *
 * <p>The waiting thread's CPU time tells it. Whenever a lock is let go, the JVM wakes a thread that waits for it (a
 * monitor's exit, a {@code java.util.concurrent} lock's unlock), and that thread runs, if only to find the lock taken
 * again and wait once more. So a waiter whose CPU time has not grown at all for {@link #KEPT} was never woken: the
 * lock was held the whole time. A correct class holds a lock for microseconds; the one way it could look the same is
 * a holder that gets no CPU on a busy machine - so the holder must also have used CPU meanwhile, or be waiting by its
 * own choice (a sleep or a wait inside the lock), not for a CPU.
 */
public final class KeptLock {
    /** How long the waiter must wait, never woken, before the lock counts as kept. */
    public static final Duration KEPT = Duration.ofMillis(500);
    /** The holder's CPU time in that span that shows it ran (it was not starved of CPU while it held the lock). */
    private static final long HOLDER_RAN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread waiter;
    private final Thread holder;
    private long since = -1;
    private long waiterCpu;
    private long holderCpu;

    /** Watches {@code waiter}, which may come to wait for a lock that {@code holder} holds. */
    public KeptLock(Thread waiter, Thread holder) {
        this.waiter = waiter;
        this.holder = holder;
    }

    /**
     * Asked again and again while the check waits for the call: true once the waiter has waited for a lock the holder
     * holds for {@link #KEPT}, never woken, while the holder ran or waited by its own choice.
     */
    public boolean kept() {
        long now = System.nanoTime();
        ThreadInfo info = THREADS.getThreadInfo(waiter.threadId());
        long cpu = WarmUp.cpuTime(waiter).toNanos();
        boolean waits = info != null && info.getLockOwnerId() == holder.threadId()
                && (info.getThreadState() == Thread.State.BLOCKED || info.getThreadState() == Thread.State.WAITING);
        if (!waits || since < 0 || cpu != waiterCpu) {
            since = waits ? now : -1;
            waiterCpu = cpu;
            holderCpu = WarmUp.cpuTime(holder).toNanos();
            return false;
        }
        if (now - since < KEPT.toNanos()) {
            return false;
        }
        Thread.State state = holder.getState();
        return state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING
                || WarmUp.cpuTime(holder).toNanos() - holderCpu >= HOLDER_RAN_NANOS;
    }
}
