package kit.grader.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long a check may run before the grader's watchdog declares it hung, dumps the threads and moves on
 * (default: {@link #DEFAULT_SECONDS}, no CPU limit). On a class it is the limit of each of its checks
 * that has none of its own. A check that expects a hang should detect it itself, sooner.
 *
 * <p>{@code cpuSeconds}: the CPU time its JVM may use while the check runs. An endless loop uses CPU all the time, so
 * it reaches this limit in as many seconds however busy the machine is - and a correct class uses as little CPU on a
 * busy machine (or one CPU) as on an idle one, which makes a tight CPU limit safe where a tight wall-clock limit is
 * not. Give it only to checks whose CPU use is small and does not grow with the number of CPUs (not to checks that
 * spin on purpose, warm up the JIT, or run a model checker), as a generous multiple of what a correct class uses.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TimeLimit {
    /** The default wall-clock limit: generous, a last resort for hangs that a check does not detect itself. */
    int DEFAULT_SECONDS = 30;
    int NO_CPU_LIMIT = 0;
    /**
     * For checks of a few calls, or a few thousand on two threads (one-thread checks, blocking calls, Race.run): a
     * correct class uses at most 0.11 s of CPU in any of them (measured on JDK 25, 2 cores); this is 25 times that.
     */
    int FEW_CALLS_CPU_SECONDS = 3;

    int seconds() default DEFAULT_SECONDS;

    int cpuSeconds() default NO_CPU_LIMIT;
}
