package kit.grader.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import kit.grader.race.RaceDetector;

/**
 * The data-race check: calls of the learner's class made by threads that take turns, watched by the happens-before
 * race detector ({@code kit.grader.race}), in a check class marked {@link DetectsRaces}. It fails when two of the
 * class's conflicting accesses (same field, array element or collection, different threads, one a write) are not
 * ordered by happens-before (JLS 17.4.5) - whatever the CPU, its count or the JIT did in this run.
 *
 * <p>The threads take turns: each call starts when the one before has ended, so the order of the calls is the one
 * the check lists, on one CPU as on many. The turns are handed on through this class, which the detector does not
 * see: between two calls of different threads, nothing but the learner's class can create an ordering edge - as in a
 * program whose threads share the object and nothing else. What the check does see: each thread's start after
 * everything its creator did before (the object's construction included), and its end before the check goes on.
 * A call {@link #inBackground} starts and keeps running while the turns go on (a worker's run()).
 */
public final class DataRaces {
    private DataRaces() {}

    /** A call of the learner's code. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /**
     * One call of a scenario: {@code thread} ("A", "B") makes it; {@code what} names it for the learner
     * ("put(1)"); a {@code background} call is started, and the next turn starts at once.
     */
    public record Call(String thread, String what, Body body, boolean background) {}

    public static Call call(String thread, String what, Body body) {
        return new Call(thread, what, body, false);
    }

    public static Call inBackground(String thread, String what, Body body) {
        return new Call(thread, what, body, true);
    }

    /** What an operation does to the object under test. */
    @FunctionalInterface
    public interface Action<S> {
        void run(S object) throws Exception;
    }

    /**
     * An operation of the class, for {@link #everyPair}: its call, and {@code before}, a call the same thread makes
     * first when the operation needs it (an append before a pop), or null.
     */
    public record Operation<S>(String what, Action<S> body, Action<S> before, String beforeWhat) {
        public static <S> Operation<S> of(String what, Action<S> body) {
            return new Operation<>(what, body, null, null);
        }

        public static <S> Operation<S> after(String beforeWhat, Action<S> before, String what, Action<S> body) {
            return new Operation<>(what, body, before, beforeWhat);
        }
    }

    /**
     * Every ordered pair of {@code operations} made by two threads, each way round: A calls x and then B calls y, then
     * B calls x and A calls y - for every x and y, the same one included. First each pair on an object of its own,
     * made by {@code make} now (before the threads start): a race of the first calls on a new object (a field made
     * on first use) shows there; then all pairs one after another on one object, whose state grows. A race between
     * two operations shows in the order in which the class's own synchronization does not happen to order them.
     */
    public static <S> List<Call> everyPair(Supplier<S> make, List<Operation<S>> operations) {
        List<Call> calls = new ArrayList<>();
        for (Operation<S> x : operations) {
            for (Operation<S> y : operations) {
                for (String[] threads : new String[][] {{"A", "B"}, {"B", "A"}}) {
                    S fresh = make.get();
                    add(calls, threads[0], x, fresh);
                    add(calls, threads[1], y, fresh);
                }
            }
        }
        S shared = make.get();
        for (Operation<S> x : operations) {
            for (Operation<S> y : operations) {
                for (String[] threads : new String[][] {{"A", "B"}, {"B", "A"}}) {
                    add(calls, threads[0], x, shared);
                    add(calls, threads[1], y, shared);
                }
            }
        }
        return calls;
    }

    private static <S> void add(List<Call> calls, String thread, Operation<S> op, S object) {
        if (op.before() != null) {
            calls.add(call(thread, op.beforeWhat(), () -> op.before().run(object)));
        }
        calls.add(call(thread, op.what(), () -> op.body().run(object)));
    }

    /**
     * Runs {@code calls} in turns, each on its thread, under the race detector; fails with each race found, in the
     * learner's words, or with what a call threw, or with a thread dump if one does not end within
     * {@link Deadlines#CALL} (sooner if the threads use {@link Deadlines#RACE_CPU} of CPU meanwhile).
     */
    public static void assertNoRace(String scenario, List<Call> calls) {
        String learnerPackage = Frames.learnerPackageOfCaller();
        if (!RaceDetector.instrumented()) {
            throw new IllegalStateException("DataRaces needs the learner's classes instrumented: mark the check class "
                    + "@kit.grader.api.DetectsRaces");
        }
        Turns turns = new Turns(calls, learnerPackage);
        RaceDetector.begin();
        AssertionError problem = null;
        try {
            turns.run();
        } catch (AssertionError e) {
            problem = e;
        }
        RaceDetector.RaceReport report = RaceDetector.end();
        if (!report.raceFree()) {
            AssertionError races = new AssertionError(message(scenario, report)
                    + (problem == null ? "" : "\n\nThen: " + problem.getMessage()));
            if (problem != null && problem.getCause() != null) {
                races.initCause(problem.getCause());
            }
            throw races;
        }
        if (problem != null) {
            throw problem;
        }
    }

    private static String message(String scenario, RaceDetector.RaceReport report) {
        StringBuilder text = new StringBuilder();
        int n = report.races().size();
        text.append(String.format(Locale.ROOT, "%s. The threads took turns, one call after the other, and the"
                + " check handed nothing from one thread to the other: only your class could order their accesses."
                + " The race detector (happens-before, as the Java Memory Model defines it) found %d data race%s"
                + " - two threads' accesses to the same variable, at least one a write, that nothing orders:%n",
                scenario, n, n == 1 ? "" : "s"));
        for (int i = 0; i < n; i++) {
            text.append(String.format(Locale.ROOT, "%n%d. %s%n", i + 1, report.races().get(i)));
        }
        text.append(String.format(Locale.ROOT, "%nOrder them: hold the same lock around every access of the"
                + " shared state (reads included), or make a single variable volatile or atomic."));
        return text.toString();
    }

    /** The threads of one scenario and the turn they take, handed on under a lock the detector does not see. */
    private static final class Turns {
        /** How often the check looks at the threads' CPU time while it waits. */
        private static final long POLL_MILLIS = 50;
        private final List<Call> calls;
        private final String learnerPackage;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Map<String, Thread> threads = new LinkedHashMap<>();
        private int turn;
        private Throwable failure;
        private String failedCall;

        Turns(List<Call> calls, String learnerPackage) {
            this.calls = List.copyOf(calls);
            this.learnerPackage = learnerPackage;
        }

        void run() {
            for (Call call : calls) {
                threads.computeIfAbsent(call.thread(), name -> {
                    Thread thread = new Thread(() -> take(name), name);
                    thread.setDaemon(true);
                    return thread;
                });
            }
            for (Thread thread : threads.values()) {
                RaceDetector.forked(thread);
                thread.start();
            }
            Bound bound = new Bound();
            int seen = 0;
            lock.lock();
            try {
                while (turn < calls.size() && failure == null) {
                    if (turn != seen) {
                        seen = turn;
                        bound = new Bound();
                    }
                    Call stuck = calls.get(turn);
                    bound.check(() -> "Thread " + stuck.thread() + "'s call " + stuck.what() + " did not return");
                    changed.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            } finally {
                lock.unlock();
            }
            if (failure == null) {
                joinAll();
            }
            if (failure != null) {
                throw new AssertionError("Thread " + failedCall + " threw " + failure, failure);
            }
        }

        /** The body of thread {@code name}: its calls, each in its turn. */
        private void take(String name) {
            for (int i = 0; i < calls.size(); i++) {
                Call call = calls.get(i);
                if (!call.thread().equals(name)) {
                    continue;
                }
                if (!awaitTurn(i)) {
                    return;
                }
                if (call.background()) {
                    pass(i, null, null);
                }
                Throwable thrown = null;
                try {
                    call.body().run();
                } catch (Throwable t) {
                    thrown = t;
                }
                if (!call.background()) {
                    pass(i, thrown, call);
                } else if (thrown != null) {
                    failed(thrown, call);
                }
            }
        }

        private boolean awaitTurn(int i) {
            lock.lock();
            try {
                while (turn != i && failure == null) {
                    changed.awaitUninterruptibly();
                }
                return failure == null;
            } finally {
                lock.unlock();
            }
        }

        /** Call {@code i} has ended (or, in the background, started): the next turn begins. */
        private void pass(int i, Throwable thrown, Call call) {
            lock.lock();
            try {
                turn = i + 1;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (thrown != null) {
                failed(thrown, call);
            }
        }

        private void failed(Throwable thrown, Call call) {
            lock.lock();
            try {
                if (failure == null) {
                    failure = thrown;
                    failedCall = call.thread() + "'s call " + call.what();
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits for every thread (and its background call) to end; they are then ordered before the check. */
        private void joinAll() {
            Bound bound = new Bound();
            for (Thread thread : threads.values()) {
                try {
                    while (thread.isAlive()) {
                        bound.check(() -> thread.getName() + " did not end after its last call");
                        thread.join(POLL_MILLIS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
                RaceDetector.joined(thread);
            }
        }

        /**
         * How long one turn (or the wait for the threads to end) may take: until the scenario's threads have used
         * {@link Deadlines#RACE_CPU} of CPU together in it - a correct call needs microseconds, so that is a loop (or
         * a lock kept by a thread that loops), told in seconds on one CPU too - or {@link Deadlines#CALL} of
         * wall-clock time while none of them runs. A thread that runs is judged by its CPU time alone, which a busy
         * machine does not stretch: the watchdog's CPU limit on the check (less than this, counted from its start)
         * then tells the loop, and the exercise's other checks learn it, on a busy machine as on an idle one.
         */
        private final class Bound {
            private final long start = System.nanoTime();
            private final long cpuAtStart = WarmUp.cpuNanos(threads.values());

            void check(Supplier<String> what) {
                long cpu = WarmUp.cpuNanos(threads.values()) - cpuAtStart;
                if (cpu > Deadlines.RACE_CPU.toNanos()) {
                    throw new AssertionError(String.format(Locale.ROOT, "%s: in the meantime the threads used %.1f s"
                            + " of CPU, many times what a correct class needs - your code loops without end, or keeps"
                            + " a lock while it loops so that the others wait for good. What the threads were"
                            + " doing:%n", what.get(), cpu / 1e9) + ThreadReport.describe(learnerPackage));
                }
                if (System.nanoTime() - start > Deadlines.CALL.toNanos() && !Race.anyRuns(threads.values())) {
                    throw new AssertionError(what.get() + ": " + Deadlines.CALL.toSeconds() + " s passed. What the"
                            + " threads were doing:\n" + ThreadReport.describe(learnerPackage));
                }
            }
        }
    }
}
