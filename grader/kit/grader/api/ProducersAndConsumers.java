package kit.grader.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import kit.grader.race.RaceDetector;

/**
 * Real threads through a waiting class at once: several producers and several consumers of different kinds (e.g.
 * {@code take} and {@code poll}) over many items, while an observer reads the size. Lincheck's model checker treats
 * {@code notify()} like {@code notifyAll()}, so a wake-up that reaches a thread of the wrong kind - which passes
 * every model check - is only seen here, where it leaves every thread waiting while work remains.
 *
 * <p>A hang is told by its state, not by a long timeout: when no item has moved for {@link Deadlines#STALL} and no
 * worker thread has been runnable for the last {@link Deadlines#QUIET} (every one parked, in {@code wait()} or blocked
 * on a lock), nobody can go on - a correct class, however slow the machine, always has a thread that can.
 *
 * <p>A budget per check, not per item: a class that is live but slow (its threads sleep and look again, or wait with a
 * timeout instead of being signalled) is judged by what it moved. Once the run has taken
 * {@link Deadlines#TRAFFIC_BUDGET} without being done, the same producers and consumers run for a moment over
 * java.util.concurrent's {@link ArrayBlockingQueue} (which waits on conditions), on this machine, now; if the learner's
 * class moved fewer than a {@link #SLOW_FACTOR}th as many items per second in the last {@link #RECENT}, it is told
 * slow - whatever the machine's speed or load, which slow both alike. A class that merely runs slowly on a busy
 * machine keeps pace with the reference and is given up to {@link Deadlines#TRAFFIC}.
 */
public final class ProducersAndConsumers {
    private static final long SAMPLE_MILLIS = 10;
    private static final int MIN_PHASES = 500;
    private static final int ITEMS_EACH = 2; // per consumer and phase
    private static final int MAX_PHASES = 100_000;
    /**
     * How many times slower than the reference a class may move items: a correct class moved as many or more (the
     * reference runs while its threads still compete for the CPU); one that looks for items every 50-100 ms instead of
     * being signalled moved hundreds of times fewer.
     */
    static final int SLOW_FACTOR = 20;
    /** The learner's class is judged by what it moved in this last stretch of the run. */
    private static final long RECENT = TimeUnit.MILLISECONDS.toNanos(1500);
    /** How long the reference runs: hundreds of phases of a correct class, on one busy CPU too. */
    private static final Duration REFERENCE_TIME = Duration.ofMillis(300);

    /** A producer's call: hands one item to the class under test. */
    public interface Producer {
        void put(int item) throws Exception;
    }

    /** A consumer's call: one item from the class under test, or null when it gave up (a poll that timed out). */
    public interface Consumer {
        Integer get() throws Exception;
    }

    /**
     * A kind of consumer, e.g. "taker" with {@code take()}; {@code threads} threads of it run at once. In each phase
     * a consumer either calls until it has an item, or (a {@code once} consumer, e.g. a short poll) calls once and
     * puts back what it got, so that the items stay with the other consumers - and a wake-up it used up but did not
     * use is missed by them.
     */
    public record Kind(String name, int threads, Consumer call, boolean once) {
        public static Kind untilItem(String name, int threads, Consumer call) {
            return new Kind(name, threads, call, false);
        }

        public static Kind once(String name, int threads, Consumer call) {
            return new Kind(name, threads, call, true);
        }
    }

    private final String what;
    private final String learnerPackage;
    private final int producers;
    private final Producer producer;
    private final List<Kind> consumers;
    private final IntSupplier size;
    private final int maxSize;
    private final int minPhases;
    private final boolean judgesSpeed;

    private final AtomicLong moved = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopped;

    /**
     * {@code what} says the scenario in the learner's words; {@code size} is read by an observer thread the whole
     * time, and must stay within 0..{@code maxSize}.
     */
    public ProducersAndConsumers(String what, int producers, Producer producer, List<Kind> consumers,
            IntSupplier size, int maxSize) {
        this(what, producers, producer, consumers, size, maxSize, MIN_PHASES, true);
    }

    private ProducersAndConsumers(String what, int producers, Producer producer, List<Kind> consumers,
            IntSupplier size, int maxSize, int minPhases, boolean judgesSpeed) {
        this.what = what;
        this.learnerPackage = Frames.learnerPackageOfCaller();
        this.producers = producers;
        this.producer = producer;
        this.consumers = consumers;
        this.size = size;
        this.maxSize = maxSize;
        this.minPhases = minPhases;
        this.judgesSpeed = judgesSpeed;
    }

    /**
     * Runs phases for about {@code time} (at least {@link #MIN_PHASES}): in each, every consumer gets one item and the
     * producers put as many between them, all at once; then every thread waits for the others at a barrier. A consumer
     * therefore never comes back for more while a wake-up it needed is still owed - the state in which a lost or
     * misdirected wake-up leaves a thread waiting for good. Fails on a stall (with a thread dump), a lost or doubled
     * item, or a size out of range.
     */
    public void run(Duration time) {
        int consumerThreads = consumers.stream().filter(kind -> !kind.once()).mapToInt(Kind::threads).sum();
        int threads = producers + consumers.stream().mapToInt(Kind::threads).sum();
        if (consumerThreads % producers != 0) {
            throw new IllegalArgumentException("the consumers' items must divide evenly among the producers");
        }
        int perPhase = consumerThreads * ITEMS_EACH;
        int eachPhase = perPhase / producers;
        int total = MAX_PHASES * perPhase;
        AtomicIntegerArray taken = new AtomicIntegerArray(total);
        long end = System.nanoTime() + time.toNanos();
        AtomicInteger phases = new AtomicInteger(); // phases started; the last one started (and so the run) ends them
        CyclicBarrier phase = new CyclicBarrier(threads, () -> {
            int started = phases.get();
            if (started < MAX_PHASES && (started < minPhases || System.nanoTime() < end)) {
                phases.incrementAndGet();
            } else {
                stopped = true;
            }
        });
        for (int p = 0; p < producers; p++) {
            int index = p;
            start("producer-" + (p + 1), () -> {
                while (next(phase)) {
                    int n = phases.get() - 1;
                    for (int i = 0; i < eachPhase; i++) {
                        producer.put(n * perPhase + index * eachPhase + i);
                        moved();
                    }
                }
            });
        }
        for (Kind kind : consumers) {
            for (int c = 0; c < kind.threads(); c++) {
                start(kind.name() + "-" + (c + 1), () -> {
                    while (next(phase)) {
                        Integer item = kind.call().get();
                        if (kind.once()) {
                            if (item != null) {
                                producer.put(item);
                            }
                            continue;
                        }
                        for (int got = 0; got < ITEMS_EACH; got++) {
                            while (item == null) {
                                item = kind.call().get();
                            }
                            moved();
                            if (item < 0 || item >= total || take(taken, item) != 0) {
                                fail(kind.name() + " got " + item + ", which " + (item < 0 || item >= total
                                        ? "was never put" : "another consumer had already got"));
                            }
                            item = null;
                        }
                    }
                });
            }
        }
        Thread observer = observer();
        try {
            watch(phases);
        } catch (AssertionError e) {
            stopped = true;
            workers.forEach(Thread::interrupt); // asked to stop: threads that wait in a loop end rather than wake on
            throw e;
        } finally {
            observer.interrupt();
        }
        workers.forEach(RaceDetector::joined); // seen ended (isAlive() false): the run did not fail
        Threads.joinAll(observer);
        if (failure.get() == null && size.getAsInt() != 0) {
            fail("every item put was taken, but size() now returns " + size.getAsInt() + " - it must be 0");
        }
        if (failure.get() != null) {
            throw new AssertionError(what + ": " + failure.get());
        }
    }

    private boolean next(CyclicBarrier phase) throws Exception {
        RaceDetector.released(phase); // the barrier orders every thread's phase before every thread's next one
        phase.await();
        RaceDetector.acquired(phase);
        return !stopped;
    }

    /** One more item moved: an atomic read-modify-write, which the race detector hears of as one. */
    private void moved() {
        RaceDetector.released(moved);
        moved.incrementAndGet();
        RaceDetector.acquired(moved);
    }

    private static int take(AtomicIntegerArray taken, int item) {
        RaceDetector.released(taken);
        int before = taken.getAndIncrement(item);
        RaceDetector.acquired(taken);
        return before;
    }

    private Thread observer() {
        Thread observer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    int seen = size.getAsInt();
                    if (seen < 0 || seen > maxSize) {
                        fail("size() returned " + seen + " while producers and consumers were at work; it must stay"
                                + " between 0 and " + maxSize);
                        return;
                    }
                    Thread.sleep(1); // often enough to see a wrong size; never the CPU the workers need
                }
            } catch (InterruptedException e) {
                // the run is over
            } catch (Throwable thrown) {
                fail("size() threw " + thrown);
            }
        }, "size-reader");
        observer.setDaemon(true);
        RaceDetector.forked(observer);
        observer.start();
        return observer;
    }

    private void start(String name, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable thrown) {
                fail(Thread.currentThread().getName() + " threw " + thrown + learnerFrames(thrown));
            }
        }, name);
        thread.setDaemon(true);
        RaceDetector.forked(thread);
        thread.start();
        workers.add(thread);
    }

    private String learnerFrames(Throwable thrown) {
        StringBuilder frames = new StringBuilder();
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith(learnerPackage + ".")) {
                frames.append("\n    at ").append(Frames.format(frame));
            }
        }
        return frames.toString();
    }

    private interface Body {
        void run() throws Exception;
    }

    private void fail(String message) {
        failure.compareAndSet(null, message);
    }

    /**
     * Waits for the workers; fails if they all wait with work left, if they move items far slower than the reference
     * once the run is over its budget, or if they take longer than {@link Deadlines#TRAFFIC}.
     */
    private void watch(AtomicInteger phases) {
        long start = System.nanoTime();
        long lastMoved = -1;
        long lastMove = start;
        long lastRunnable = start;
        Deque<long[]> recent = new ArrayDeque<>(); // {time, items moved}, over the last RECENT
        double referencePerSecond = -1;
        while (workers.stream().anyMatch(Thread::isAlive) && failure.get() == null) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("the check was interrupted", e);
            }
            long now = System.nanoTime();
            RaceDetector.released(moved);
            RaceDetector.acquired(moved);
            if (moved.get() != lastMoved) {
                lastMoved = moved.get();
                lastMove = now;
            }
            if (workers.stream().anyMatch(t -> t.getState() == Thread.State.RUNNABLE)) {
                lastRunnable = now;
            }
            recent.addLast(new long[] {now, moved.get()});
            while (now - recent.peekFirst()[0] > RECENT) {
                recent.removeFirst();
            }
            if (judgesSpeed && now - start >= Deadlines.TRAFFIC_BUDGET.toNanos() && now - recent.peekFirst()[0]
                    >= RECENT * 9 / 10) {
                if (referencePerSecond < 0) {
                    referencePerSecond = referencePerSecond();
                }
                double seconds = (now - recent.peekFirst()[0]) / 1e9;
                long movedRecently = moved.get() - recent.peekFirst()[1];
                if (referencePerSecond > 0 && movedRecently * SLOW_FACTOR < referencePerSecond * seconds) {
                    throw new AssertionError(tooSlow(now - start, phases.get(), seconds, movedRecently,
                            referencePerSecond));
                }
            }
            boolean stalled = now - lastMove >= Deadlines.STALL.toNanos()
                    && now - lastRunnable >= Deadlines.QUIET.toNanos();
            if (stalled || now - start >= Deadlines.TRAFFIC.toNanos()) {
                throw new AssertionError(what + ": " + (stalled
                        ? "every thread waits and none can go on - no item moved for " + Deadlines.STALL.toMillis()
                                + " ms" + (workers.stream().anyMatch(t -> t.getState() == Thread.State.TIMED_WAITING)
                                        ? " (the threads that wait with a timeout wake up only to wait again)" : "")
                        : "not done after " + Deadlines.TRAFFIC.toSeconds() + " s") + " in phase " + phases.get()
                        + " (after "
                        + moved.get() + " puts and takes), with"
                        + " size() = " + sizeOrWhy()
                        + ".\nWhat every thread was doing:\n" + ThreadReport.describe(learnerPackage));
            }
        }
    }

    /**
     * Items per second that the same producers and consumers move through java.util.concurrent's ArrayBlockingQueue
     * here, now (a "once" consumer polls for 1 ms); -1 if that could not be measured.
     */
    private double referencePerSecond() {
        ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(Math.max(1, maxSize));
        List<Kind> kinds = consumers.stream().map(kind -> new Kind("reference-" + kind.name(), kind.threads(),
                kind.once() ? () -> queue.poll(1, TimeUnit.MILLISECONDS) : queue::take, kind.once())).toList();
        ProducersAndConsumers reference = new ProducersAndConsumers("the reference run", producers, queue::put, kinds,
                queue::size, maxSize, 1, false);
        long start = System.nanoTime();
        try {
            reference.run(REFERENCE_TIME);
        } catch (AssertionError e) {
            return -1; // never seen; no verdict on the learner's class from a reference that failed
        }
        return reference.moved.get() / ((System.nanoTime() - start) / 1e9);
    }

    private String tooSlow(long nanos, int phase, double seconds, long movedRecently, double referencePerSecond) {
        double perSecond = movedRecently / seconds;
        return what + String.format(Locale.ROOT, ": too slow - in the last %.1f s of the run, your class moved %,d"
                + " items (%,.0f a second; %,d puts and takes in %.1f s, phase %d of at least %d). The same producers"
                + " and consumers over java.util.concurrent's ArrayBlockingQueue, whose threads wait on conditions and"
                + " are signalled, moved %,.0f items a second here just now - %s as many. A thread that sleeps and"
                + " looks again, or waits with a timeout instead of being signalled, makes every item wait for its"
                + " next look; one that keeps waking without ever getting on (a poll that forgets its timeout) moves"
                + " nothing. Wait on a condition, and signal it where the state changes.%nWhat every thread was"
                + " doing:%n", seconds, movedRecently, perSecond, moved.get(), nanos / 1e9, phase, MIN_PHASES,
                referencePerSecond, perSecond < 1 ? "infinitely many times" : String.format(Locale.ROOT, "%,.0f times",
                referencePerSecond / perSecond)) + ThreadReport.describe(learnerPackage);
    }

    private String sizeOrWhy() {
        BlockingCall<Integer> call = BlockingCall.start("size()", size::getAsInt);
        return call.endsWithin(Duration.ofMillis(500)) ? String.valueOf(call.outcome()) : "(size() did not return)";
    }
}
