package kit.grader.race;

/**
 * One watched run (one check): the detector, the shadow of every object seen, and which thread is which. Begun by
 * {@link RaceDetector#begin}; the instrumented code reaches it through {@link Hooks#current}. A new watch starts from
 * nothing: what threads and objects did before it is not remembered.
 */
final class Watch {
    private static final ThreadLocal<ThreadState> STATES = new ThreadLocal<>();

    final Detector detector = new Detector();
    final WeakIdentityMap<Meta> metas = new WeakIdentityMap<>();
    /** Threads by their Thread object: those whose start was seen, then every thread once it has had an event. */
    final WeakIdentityMap<ThreadState> threads = new WeakIdentityMap<>();
    /** All CompletableFutures share one clock: their callbacks' threads and chains are not followed one by one. */
    final SyncVar completableFutures = new SyncVar();
    /** The read and write locks of read-write locks whose making was not seen share one clock. */
    final SyncVar unseenReadWriteLocks = new SyncVar();

    /** The state of the current thread: the root, a started thread seen, or a thread of unknown origin. */
    ThreadState state() {
        ThreadState s = STATES.get();
        if (s != null && s.detector == detector) {
            return s;
        }
        Thread current = Thread.currentThread();
        s = threads.get(current);
        if (s == null) {
            s = detector.unknown(current.getName());
            threads.put(current, s);
        }
        STATES.set(s);
        return s;
    }

    /** Makes the current thread the root of this watch. */
    ThreadState root() {
        Thread current = Thread.currentThread();
        ThreadState s = detector.root(current.getName());
        threads.put(current, s);
        STATES.set(s);
        return s;
    }

    Meta meta(Object o) {
        return metas.computeIfAbsent(o, Meta::new);
    }

    /** {@code parent} starts {@code child}: unless it was seen before, the child is ordered after the parent's past. */
    void fork(ThreadState parent, Thread child) {
        if (threads.get(child) != null) {
            return;
        }
        ThreadState state = parent.known() ? detector.fork(parent, child.getName()) : detector.unknown(child.getName());
        threads.put(child, state);
    }

    /** {@code joiner} saw {@code child} end. */
    void joined(ThreadState joiner, Thread child) {
        if (child.isAlive()) {
            return;
        }
        ThreadState state = threads.get(child);
        if (state != null && state != joiner) {
            detector.join(joiner, state);
        }
    }
}
