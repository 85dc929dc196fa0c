package kit.grader.race;

import java.util.List;

/**
 * The detector's entry points for the grader: a check begins a watch, runs the learner's instrumented code, and
 * ends it to read the races found. The grader's own helpers that start, join or hand work between threads without
 * being instrumented (Race.run, Traffic, BlockingCall) tell it here what they do, so that their threads are known and
 * their hand-offs ordered: {@link #forked} before starting a thread, {@link #joined} after seeing it end,
 * {@link #released}/{@link #acquired} around any other hand-off. With no watch on, each of these does nothing.
 */
public final class RaceDetector {
    /**
     * Set to {@code off} in the check JVMs that run no race check: there the helpers' hand-off calls return before
     * they read any field that can change. Lincheck explores every such read as a point where threads may switch, so
     * in its JVMs even the read of "is a watch on?" would change which interleavings a seeded model check tries - and
     * with it the interleaving count at which it finds a bug (the two-consumer check's budget is set by measurement).
     */
    public static final String HOOKS_PROPERTY = "kit.grader.race.hooks";
    private static final boolean OFF = "off".equals(System.getProperty(HOOKS_PROPERTY));

    private RaceDetector() {}

    /**
     * Begins a watch: from now on the instrumented classes' accesses and synchronization are recorded. The calling
     * thread is its root: everything it did before is ordered before everything watched.
     */
    public static synchronized void begin() {
        if (Hooks.current != null) {
            throw new IllegalStateException("a race watch is already on");
        }
        Watch watch = new Watch();
        watch.root();
        Hooks.current = watch;
    }

    /** Ends the watch begun last and tells what it found. */
    public static synchronized RaceReport end() {
        Watch watch = Hooks.current;
        if (watch == null) {
            throw new IllegalStateException("no race watch is on");
        }
        Hooks.current = null;
        Detector d = watch.detector;
        return new RaceReport(d.races().stream().map(RaceText::of).toList(), d.unmodelledReason(),
                d.racesNotReported());
    }

    /** True once a class instrumented in learner mode has been loaded in this JVM. */
    public static boolean instrumented() {
        return Sites.anyClass();
    }

    public static boolean watching() {
        return Hooks.current != null;
    }

    /** Before the calling (uninstrumented) code starts {@code thread}. */
    public static void forked(Thread thread) {
        if (OFF) {
            return;
        }
        Watch w = Hooks.current;
        if (w != null) {
            w.fork(w.state(), thread);
        }
    }

    /** After the calling code saw {@code thread} end (join() returned and it is no longer alive). */
    public static void joined(Thread thread) {
        if (OFF) {
            return;
        }
        Watch w = Hooks.current;
        if (w != null) {
            w.joined(w.state(), thread);
        }
    }

    /** The calling code hands what it did so far over through {@code handOff} (a latch counted down, a barrier). */
    public static void released(Object handOff) {
        if (OFF) {
            return;
        }
        Watch w = Hooks.current;
        if (w != null) {
            w.detector.release(w.state(), w.meta(handOff).sync());
        }
    }

    /** The calling code took over what others handed over through {@code handOff} (await returned). */
    public static void acquired(Object handOff) {
        if (OFF) {
            return;
        }
        Watch w = Hooks.current;
        if (w != null) {
            w.detector.acquire(w.state(), w.meta(handOff).sync());
        }
    }

    /**
     * What a watch found: each race in the learner's words, and, if the detector met something it could not order,
     * why it stopped reporting there ({@code unmodelled}) and how many races it saw after that without reporting them.
     */
    public record RaceReport(List<String> races, String unmodelled, int notReported) {
        public boolean raceFree() {
            return races.isEmpty();
        }
    }
}
