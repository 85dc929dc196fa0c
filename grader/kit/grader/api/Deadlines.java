package kit.grader.api;

import java.time.Duration;

/**
 * Every bound a check waits for the learner's code, in one place, with the reason for its value. They are generous
 * because checks run beside other check JVMs on a busy machine (or one CPU): a bound only has to tell a hang from
 * slowness, and a hang is waited for once.
 */
public final class Deadlines {
    /** A call that should return (or start waiting) by itself: a blocking call, or one map(...) of a few ms calls. */
    public static final Duration CALL = Duration.ofSeconds(10);
    /**
     * A call that should end keeps waiting (parked, or in wait()) this long before it is told stuck: a woken thread
     * stops waiting as soon as it gets a CPU, and no check expects a call to wait this long by itself.
     */
    public static final Duration STUCK = Duration.ofSeconds(2);
    /**
     * CPU time after which a blocking call that has neither returned nor waited is told spinning: a correct call
     * waits or returns after microseconds of CPU (the first, interpreted and loading classes, after a few ms); a
     * spinning one reaches this in a second of an idle CPU, however busy the machine is.
     */
    public static final Duration SPIN_CPU = Duration.ofMillis(1000);
    /** stop-flag: run() ending after stop(), and stop() or runs() returning while the worker loops - each at once. */
    public static final Duration STOP = Duration.ofSeconds(2);
    /**
     * Race.run of 10,000 calls per thread: well under a second on one CPU; more, with none of its threads running,
     * means a hang (threads that run are judged by {@link #RACE_CPU}).
     */
    public static final Duration RACE = Duration.ofSeconds(20);
    /**
     * CPU time after which Race.run's threads, together, are told looping: 10,000 calls per thread of a correct class
     * use well under 0.1 s of CPU; a thread that loops uses CPU all the time, so it reaches this in seconds (on one CPU
     * too, however busy the machine is), where the wall-clock {@link #RACE} would take 20 (and a busy machine, which
     * stretches wall-clock time, could reach it first: so threads that run are judged by this alone). The same bounds
     * one turn of {@link DataRaces} (one call of a correct class: microseconds), where {@link #CALL} would take 10.
     */
    public static final Duration RACE_CPU = Duration.ofSeconds(3);
    /** Race.run of one call (the writer of a visibility check). */
    public static final Duration ONE_CALL = Duration.ofSeconds(5);
    /**
     * A visibility check's reader, spinning on a read, must see the write within this time. A correct reader sees it
     * at once (measured: 30 us to 6 ms after the write, on a busy machine), so only a wrong class waits this long.
     */
    public static final Duration SEEN = Duration.ofSeconds(3);
    /** Wall-clock bound on a warm-up ({@link WarmUp}), for a thread that gets little CPU. */
    public static final Duration WARM_UP_LIMIT = Duration.ofSeconds(10);
    /**
     * ProducersAndConsumers: no item moved for this long (and no worker runnable for {@link #QUIET}) means every
     * thread waits.
     */
    public static final Duration STALL = Duration.ofMillis(1500);
    /** ProducersAndConsumers: no worker thread was runnable for this long. */
    public static final Duration QUIET = Duration.ofMillis(500);
    /**
     * ProducersAndConsumers: a run not done after this is judged by what it moved, against a reference run on the same
     * machine at the same time (a correct class runs about a second and is done).
     */
    public static final Duration TRAFFIC_BUDGET = Duration.ofSeconds(2);
    /** ProducersAndConsumers: a whole run of producers and consumers, however slow, ends within this. */
    public static final Duration TRAFFIC = Duration.ofSeconds(20);

    private Deadlines() {}
}
