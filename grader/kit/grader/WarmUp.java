package kit.grader;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The one warm-up of the checks that need C2, the JIT's optimizing compiler, to have compiled a loop (visibility
 * checks): C2's code may read a plain field once, before the loop, and never again.
 *
 * <p>A method that loops long enough is compiled while it runs (on-stack replacement): first by C1 with profiling
 * (level 4 is C2, level 3 C1), and once the profile is ripe by C2. At most a few thousand iterations later the looping
 * thread runs C2's code (it leaves C1's code for the interpreter, which jumps into C2's). So the warm-up asks the
 * JVM which code it has compiled ({@code Compiler.codelist}, the DiagnosticCommand MBean's {@code compilerCodelist}),
 * waits for a level-4 code of the loop's method that was not there when the warm-up began, and then lets the thread
 * run {@link #MARGIN} more of its CPU time. The loop's method must be called once per warm-up: C2 compiles a whole
 * method only after thousands of calls, so a level-4 code of a method called once is its loop's.
 *
 * <p>It is bounded by the thread's CPU time, not wall-clock time, so the loop has run as often on a busy machine or a
 * single CPU as on an idle one: that bound alone was the warm-up before this one, long enough for C2 on every machine
 * measured, and it is what a JVM without C2 or without that command gets. (A JVM with
 * {@code -XX:-BackgroundCompilation} makes the thread wait for each compiled code, so C2's is reached after the same
 * work however busy the machine is.)
 */
public final class WarmUp {
    /**
     * CPU time the thread runs on after C2's code appears: it needs microseconds to reach that code (the next few
     * thousand iterations), so this is a wide margin that still costs little.
     */
    static final Duration MARGIN = Duration.ofMillis(50);
    /** How often the compiled code is listed (a list of a few thousand compiled methods costs about 1 ms of CPU). */
    private static final Duration POLL = Duration.ofMillis(5);
    private static final int C2 = 4;

    static long startWall;
    private final String methodPrefix;
    private final Set<String> compiledBefore;

    private WarmUp(String methodPrefix) {
        this.methodPrefix = methodPrefix;
        this.compiledBefore = c2Code(methodPrefix);
    }

    /**
     * A warm-up for a loop in {@code owner.method} (any overload): call it before the looping thread starts, then
     * {@link #untilCompiled}.
     */
    public static WarmUp ofLoopIn(Class<?> owner, String method) {
        long t0 = System.nanoTime(), c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        WarmUp w = new WarmUp(owner.getName() + "." + method + "(");
        DebugLog.log("init wall " + (System.nanoTime() - t0) / 1000000 + " cpu " + (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1000000);
        return w;
    }

    /**
     * Waits until {@code thread} has run C2's code of the loop for {@link #MARGIN} of its CPU time; or until it has
     * used {@code cpuLimit} of CPU time, or has ended, or {@link Deadlines#WARM_UP_LIMIT} has passed. Returns the CPU
     * time the thread has used.
     */
    public Duration untilCompiled(Thread thread, Duration cpuLimit) throws InterruptedException {
        long deadline = System.nanoTime() + Deadlines.WARM_UP_LIMIT.toNanos();
        startWall = System.nanoTime();
        Duration compiledAt = null;
        long nextPoll = 0;
        while (true) {
            Duration used = cpuTime(thread);
            if (!thread.isAlive() || used.compareTo(cpuLimit) >= 0 || System.nanoTime() >= deadline) {
                DebugLog.log("CAP at " + used.toMillis() + " " + methodPrefix + " before " + compiledBefore);
                return used;
            }
            if (System.nanoTime() >= nextPoll) {
                // listed again after C2's code appeared: if it was thrown away (deoptimized), wait for the next one
                boolean compiled = compiledSinceStart();
                if (compiled && compiledAt != null && used.minus(compiledAt).compareTo(MARGIN) >= 0) {
                    DebugLog.log("wall " + (System.nanoTime() - startWall) / 1000000 + " compiled at " + compiledAt.toMillis() + " ms cpu, done at " + used.toMillis() + " " + methodPrefix);
                    return used;
                }
                compiledAt = !compiled ? null : compiledAt != null ? compiledAt : used;
                nextPoll = System.nanoTime() + POLL.toNanos();
            }
            Thread.sleep(1);
        }
    }

    private boolean compiledSinceStart() {
        return !compiledBefore.containsAll(c2Code(methodPrefix));
    }

    /** The compile ids of the level-4 code in use whose method starts with {@code methodPrefix}; none if unknown. */
    private static Set<String> c2Code(String methodPrefix) {
        Set<String> ids = new HashSet<>();
        // a line: compile id, level, state (0: in use), package.Class.method(signature), addresses
        for (String line : codelist().split("\n")) {
            String[] fields = line.split(" ", 5);
            if (fields.length == 5 && fields[3].startsWith(methodPrefix) && fields[1].equals(String.valueOf(C2))
                    && fields[2].equals("0")) {
                ids.add(fields[0]);
            }
        }
        return ids;
    }

    /** The JVM's list of compiled code, or "" where it cannot tell (not HotSpot, or a JDK without the command). */
    private static String codelist() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            return (String) server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerCodelist", new Object[] {null}, new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException unknown) {
            return "";
        }
    }

    /** The CPU time {@code thread} has used so far. */
    public static Duration cpuTime(Thread thread) {
        return Duration.ofNanos(Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId())));
    }

    static final class DebugLog {
        static void log(String s) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/hv-warmup.log"), java.time.LocalTime.now() + " " + s + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (Exception e) {}
        }
    }
}
