package kit.grader.api;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The one warm-up of the checks that need C2, the JIT's optimizing compiler, to have compiled a loop (visibility
 * checks): C2's code may read a plain field once, before the loop, and never again.
 *
 * <p>A method that loops long enough is compiled while it runs (on-stack replacement): by C1 with profiling
 * (level 3), then, once that profile is ripe, by C2 (level 4). Within a few thousand iterations of being installed,
 * the looping thread runs C2's code (it leaves C1's code for the interpreter, which jumps into C2's). So the warm-up
 * asks the JVM which code it has compiled (the DiagnosticCommand MBean's {@code compilerCodelist}, as {@code jcmd
 * <pid> Compiler.codelist}), waits for level-4 code of the loop's method that was not there before the thread
 * started, and then lets the thread run {@link #MARGIN} more of its CPU time. The loop's method must be called once
 * per warm-up: C2 compiles a whole method only after thousands of calls, so level-4 code of a method called once is
 * its loop's. Measured on 2 CPUs, busy and idle, C2's code was there after 8 to 310 ms of the thread's CPU time.
 *
 * <p>The warm-up is bounded by the thread's CPU time, not wall-clock time, so the loop has run as often on a busy
 * machine or a single CPU as on an idle one. That bound alone (1.5 s for a reader) was the warm-up before, and it is
 * what a JVM without C2 or without that command gets. (A JVM with {@code -XX:-BackgroundCompilation} makes the thread
 * wait for each compiled code, so C2's is reached after the same work however busy the machine is.)
 */
public final class WarmUp {
    /**
     * CPU time the thread runs after C2's code is there: it needs microseconds to reach that code (a few thousand
     * iterations), so this is a wide margin that still costs little.
     */
    private static final Duration MARGIN = Duration.ofMillis(50);
    /** How often the compiled code is listed (a few thousand compiled methods: about 1 ms of CPU per list). */
    private static final Duration POLL = Duration.ofMillis(5);
    /**
     * A thread that in this much wall-clock time was seldom RUNNABLE (in under a tenth of the looks) does not loop: it
     * sleeps or waits for a lock in the code it calls, so its loop will not be hot enough for C2 any time soon, and
     * the warm-up ends there rather than at its wall-clock bound. (A thread that is ready but gets no CPU on a busy
     * machine is RUNNABLE.)
     */
    private static final Duration WAITS_VERDICT = Duration.ofMillis(300);
    private static final String C2 = "4";
    private static final String IN_USE = "0";

    private final String method;
    private final Set<String> compiledBefore;

    private WarmUp(String method) {
        this.method = method;
        this.compiledBefore = c2Code();
    }

    /**
     * A warm-up of a loop in {@code owner}'s method {@code name} (any overload). Call it before the looping thread
     * starts (it lists the code compiled so far), then {@link #untilCompiled}.
     */
    public static WarmUp ofLoopIn(Class<?> owner, String name) {
        return new WarmUp(owner.getName() + "." + name + "(");
    }

    /**
     * Waits until {@code thread} has run {@link #MARGIN} of its CPU time since C2's code of the loop was there; or
     * until it has used {@code cpuLimit} of CPU time, or has ended, or mostly waits, or {@link Deadlines#WARM_UP_LIMIT}
     * has passed.
     */
    public void untilCompiled(Thread thread, Duration cpuLimit) throws InterruptedException {
        Bounds bounds = new Bounds(thread, cpuLimit);
        Duration compiledAt = null;
        long nextList = 0;
        while (true) {
            Duration used = cpuTime(thread);
            if (bounds.reached(used)) {
                return;
            }
            if (System.nanoTime() >= nextList) {
                // listed again after C2's code appeared: if it has been thrown away since, wait for the next
                boolean compiled = !compiledBefore.containsAll(c2Code());
                if (compiled && compiledAt != null && used.minus(compiledAt).compareTo(MARGIN) >= 0) {
                    return;
                }
                compiledAt = !compiled ? null : compiledAt == null ? used : compiledAt;
                nextList = System.nanoTime() + POLL.toNanos();
            }
            Thread.sleep(1);
        }
    }

    /**
     * Waits until {@code thread} has used {@code cpu} of CPU time, or has ended, or mostly waits, or
     * {@link Deadlines#WARM_UP_LIMIT} has passed. For stop-flag's worker (300 ms): its JVM compiles in the foreground
     * ({@code -XX:-BackgroundCompilation}), so C2's code comes after the same work anyway, and there listing the
     * compiled code would cost more than it saves (its start, about 130 ms of CPU, is slower still in a JVM that waits
     * for each compilation: measured, the check took longer).
     */
    public static void untilCpuTime(Thread thread, Duration cpu) throws InterruptedException {
        Bounds bounds = new Bounds(thread, cpu);
        while (!bounds.reached(cpuTime(thread))) {
            Thread.sleep(1);
        }
    }

    /**
     * Where every warm-up ends at the latest: the thread has ended, has used {@code cpuLimit} of CPU time, mostly
     * waits ({@link #WAITS_VERDICT}), or {@link Deadlines#WARM_UP_LIMIT} has passed. Asked about once a millisecond.
     */
    private static final class Bounds {
        private final Thread thread;
        private final Duration cpuLimit;
        private final long start = System.nanoTime();
        private int looks;
        private int runnable;

        Bounds(Thread thread, Duration cpuLimit) {
            this.thread = thread;
            this.cpuLimit = cpuLimit;
        }

        boolean reached(Duration used) {
            looks++;
            if (thread.getState() == Thread.State.RUNNABLE) {
                runnable++;
            }
            long elapsed = System.nanoTime() - start;
            return !thread.isAlive() || used.compareTo(cpuLimit) >= 0 || elapsed >= Deadlines.WARM_UP_LIMIT.toNanos()
                    || elapsed >= WAITS_VERDICT.toNanos() && runnable * 10 < looks;
        }
    }

    /** The compile ids of the loop's method's level-4 code in use; none if the JVM cannot tell. */
    private Set<String> c2Code() {
        Set<String> ids = new HashSet<>();
        // a line: compile id, level, state, package.Class.method(signature), addresses
        for (String line : codelist().split("\n")) {
            String[] fields = line.split(" ", 5);
            if (fields.length == 5 && fields[1].equals(C2) && fields[2].equals(IN_USE)
                    && fields[3].startsWith(method)) {
                ids.add(fields[0]);
            }
        }
        return ids;
    }

    /** The JVM's list of compiled code, or "" where it cannot tell (not HotSpot, or a JDK without the command). */
    private static String codelist() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException unknown) {
            return "";
        }
    }

    /** The CPU time {@code thread} has used so far. */
    public static Duration cpuTime(Thread thread) {
        return Duration.ofNanos(Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId())));
    }

    /** The CPU time {@code threads} have used so far together, in nanoseconds. */
    public static long cpuNanos(Collection<Thread> threads) {
        return threads.stream().mapToLong(t -> cpuTime(t).toNanos()).sum();
    }
}
