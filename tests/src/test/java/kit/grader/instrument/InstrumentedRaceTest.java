package kit.grader.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import kit.grader.race.RaceDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instrumenter and the runtime together, on small learner classes run by real threads: the races of typical
 * mistakes are found and named, and correct designs are left alone.
 */
class InstrumentedRaceTest {
    @TempDir
    Path dir;

    /** Two threads call {@code a} and {@code b} (Java statements over {@code c}) 2,000 times each; joined. */
    private static String twoThreads(String type, String make, String a, String b) {
        return """
                package harness;
                public class Main {
                    public static void run() throws Exception {
                        %1$s c = %2$s;
                        Thread t1 = new Thread(() -> { for (int i = 0; i < 2000; i++) { %3$s; } }, "worker-1");
                        Thread t2 = new Thread(() -> { for (int i = 0; i < 2000; i++) { %4$s; } }, "worker-2");
                        t1.start();
                        t2.start();
                        t1.join();
                        t2.join();
                    }
                }
                """.formatted(type, make, a, b);
    }

    private RaceDetector.RaceReport run(String learnerClass, String learnerSource, String harness) {
        return Instrumented.run(dir, Map.of(learnerClass, learnerSource), Map.of("harness.Main", harness),
                "harness.Main");
    }

    private static void assertNoRace(RaceDetector.RaceReport report) {
        assertTrue(report.raceFree(), () -> Instrumented.describe(report));
        assertNull(report.unmodelled(), () -> Instrumented.describe(report));
    }

    private static String assertRace(RaceDetector.RaceReport report, String... words) {
        assertTrue(!report.raceFree(), () -> "no race found; " + Instrumented.describe(report));
        String text = String.join("\n", report.races());
        for (String word : words) {
            assertTrue(text.contains(word), () -> "'" + word + "' not in:\n" + text);
        }
        return text;
    }

    @Test
    void unguardedCounter() {
        String text = assertRace(run("counter.Counter", """
                package counter;
                public class Counter {
                    private int count;
                    public void increment() { count++; }
                    public int value() { return count; }
                }
                """, twoThreads("counter.Counter", "new counter.Counter()", "c.increment()", "c.increment()")),
                "`increment()`", "`count`", "neither holds a lock", "JLS 17.4.5", "Counter.java:4");
        System.out.println(text);
    }

    @Test
    void lockedCounter() {
        assertNoRace(run("counter.Counter", """
                package counter;
                import java.util.concurrent.locks.*;
                public class Counter {
                    private final Lock lock = new ReentrantLock();
                    private int count;
                    public void increment() { lock.lock(); try { count++; } finally { lock.unlock(); } }
                    public int value() { lock.lock(); try { return count; } finally { lock.unlock(); } }
                }
                """, twoThreads("counter.Counter", "new counter.Counter()", "c.increment()", "c.value()")));
    }

    @Test
    void readerUnderAnotherLock() {
        String text = assertRace(run("counter.Counter", """
                package counter;
                import java.util.concurrent.locks.*;
                public class Counter {
                    private final Lock lock = new ReentrantLock();
                    private int count;
                    public void increment() { lock.lock(); try { count++; } finally { lock.unlock(); } }
                    public synchronized int value() { return count; }
                }
                """, twoThreads("counter.Counter", "new counter.Counter()", "c.increment()", "c.value()")),
                "`value()`", "`increment()`", "holding `lock`", "holding `Counter.this`", "no lock in common",
                "`count` is not volatile");
        System.out.println(text);
    }

    @Test
    void synchronizedMethodsAndBlocks() {
        assertNoRace(run("counter.Counter", """
                package counter;
                public class Counter {
                    private final Object lock = new Object();
                    private int count;
                    private long total;
                    public synchronized void increment() { count++; }
                    public synchronized int value() { return count; }
                    public void add(long n) { synchronized (lock) { total += n; } }
                    public long total() { synchronized (lock) { return total; } }
                }
                """, twoThreads("counter.Counter", "new counter.Counter()", "c.increment(); c.add(2)",
                "c.value(); c.total()")));
    }

    @Test
    void plainCounterBesideAVolatileFlag() {
        String text = assertRace(run("stopflag.Worker", """
                package stopflag;
                public class Worker implements Runnable {
                    private volatile boolean stopped;
                    private long runs;
                    public void run() { while (!stopped) { runs++; Thread.onSpinWait(); } }
                    public void stop() { stopped = true; }
                    public long runs() { return runs; }
                }
                """, """
                package harness;
                public class Main {
                    public static void run() throws Exception {
                        stopflag.Worker w = new stopflag.Worker();
                        Thread t = new Thread(w, "worker");
                        t.start();
                        while (w.runs() < 1000) { Thread.onSpinWait(); }
                        w.stop();
                        t.join();
                    }
                }
                """), "`runs`", "`runs()`");
        System.out.println(text);
    }

    @Test
    void volatileFieldsAreSynchronization() {
        assertNoRace(run("stopflag.Worker", """
                package stopflag;
                public class Worker implements Runnable {
                    private volatile boolean stopped;
                    private volatile long runs;
                    private int[] data = new int[4];
                    public void run() { while (!stopped) { runs++; } }
                    public void stop() { stopped = true; }
                    public long runs() { return runs; }
                }
                """, """
                package harness;
                public class Main {
                    public static void run() throws Exception {
                        stopflag.Worker w = new stopflag.Worker();
                        Thread t = new Thread(w, "worker");
                        t.start();
                        while (w.runs() < 1000) { Thread.onSpinWait(); }
                        w.stop();
                        t.join();
                        w.runs();
                    }
                }
                """));
    }

    private static final String QUEUE_HARNESS = """
            package harness;
            public class Main {
                public static void run() throws Exception {
                    var q = new queue.Queue<Integer>();
                    Thread producer = new Thread(() -> { for (int i = 0; i < 500; i++) { q.put(i); } }, "producer");
                    Thread consumer = new Thread(() -> {
                        try { for (int i = 0; i < 500; i++) { q.take(); } } catch (InterruptedException e) { }
                    }, "consumer");
                    Thread sizer = new Thread(() -> { for (int i = 0; i < 500; i++) { q.size(); } }, "size-reader");
                    producer.start(); consumer.start(); sizer.start();
                    producer.join(); consumer.join(); sizer.join();
                    if (q.size() != 0) throw new AssertionError("size " + q.size());
                }
            }
            """;

    @Test
    void queueWithLockAndCondition() {
        assertNoRace(run("queue.Queue", """
                package queue;
                import java.util.ArrayDeque;
                import java.util.concurrent.locks.*;
                public class Queue<T> {
                    private final Lock lock = new ReentrantLock();
                    private final Condition notEmpty = lock.newCondition();
                    private final ArrayDeque<T> items = new ArrayDeque<>();
                    public void put(T item) {
                        lock.lock();
                        try { items.addLast(item); notEmpty.signal(); } finally { lock.unlock(); }
                    }
                    public T take() throws InterruptedException {
                        lock.lock();
                        try {
                            while (items.isEmpty()) { notEmpty.await(); }
                            return items.removeFirst();
                        } finally { lock.unlock(); }
                    }
                    public int size() { lock.lock(); try { return items.size(); } finally { lock.unlock(); } }
                }
                """, QUEUE_HARNESS));
    }

    @Test
    void queueWithMonitorWaitNotify() {
        assertNoRace(run("queue.Queue", """
                package queue;
                import java.util.ArrayDeque;
                public class Queue<T> {
                    private final ArrayDeque<T> items = new ArrayDeque<>();
                    public synchronized void put(T item) { items.addLast(item); notifyAll(); }
                    public synchronized T take() throws InterruptedException {
                        while (items.isEmpty()) { wait(); }
                        return items.removeFirst();
                    }
                    public synchronized int size() { return items.size(); }
                }
                """, QUEUE_HARNESS));
    }

    @Test
    void queueRingArrayUnderLock() {
        assertNoRace(run("queue.Queue", """
                package queue;
                import java.util.concurrent.locks.*;
                public class Queue<T> {
                    private final Lock lock = new ReentrantLock();
                    private final Condition notEmpty = lock.newCondition();
                    private Object[] ring = new Object[4];
                    private int head, count;
                    public void put(T item) {
                        lock.lock();
                        try {
                            if (count == ring.length) {
                                Object[] bigger = new Object[ring.length * 2];
                                for (int i = 0; i < count; i++) bigger[i] = ring[(head + i) % ring.length];
                                ring = bigger; head = 0;
                            }
                            ring[(head + count) % ring.length] = item; count++;
                            notEmpty.signal();
                        } finally { lock.unlock(); }
                    }
                    @SuppressWarnings("unchecked")
                    public T take() throws InterruptedException {
                        lock.lockInterruptibly();
                        try {
                            while (count == 0) notEmpty.await();
                            T item = (T) ring[head]; ring[head] = null; head = (head + 1) % ring.length; count--;
                            return item;
                        } finally { lock.unlock(); }
                    }
                    public int size() { lock.lock(); try { return count; } finally { lock.unlock(); } }
                }
                """, QUEUE_HARNESS));
    }

    @Test
    void twoLocksOverOneCollection() {
        String text = assertRace(Instrumented.runTurns(dir, Map.of("queue.Queue", """
                package queue;
                import java.util.ArrayDeque;
                import java.util.concurrent.locks.*;
                public class Queue<T> {
                    private final Lock putLock = new ReentrantLock();
                    private final Lock takeLock = new ReentrantLock();
                    private final Condition notEmpty = takeLock.newCondition();
                    private final ArrayDeque<T> items = new ArrayDeque<>();
                    public void put(T item) {
                        putLock.lock(); try { items.addLast(item); } finally { putLock.unlock(); }
                        takeLock.lock(); try { notEmpty.signal(); } finally { takeLock.unlock(); }
                    }
                    public T take() throws InterruptedException {
                        takeLock.lock();
                        try {
                            while (items.isEmpty()) { notEmpty.await(); }
                            return items.removeFirst();
                        } finally { takeLock.unlock(); }
                    }
                    public int size() { takeLock.lock(); try { return items.size(); } finally { takeLock.unlock(); } }
                }
                """), Map.of("harness.Main", """
                package harness;
                import java.util.List;
                public class Main {
                    public static List<Object> steps() {
                        var q = new queue.Queue<Integer>();
                        Runnable put = () -> q.put(1);
                        Runnable size = () -> q.size();
                        // the put's own takeLock orders it before a later size(); a size() before the put is unordered
                        return List.of(0, put, 1, size, 1, size, 0, put);
                    }
                }
                """), "harness.Main"), "the ArrayDeque `items`", "holding `putLock`", "holding `takeLock`",
                "not thread-safe", "with addLast()", "with size()");
        System.out.println(text);
    }

    @Test
    void readWriteLockList() {
        assertNoRace(run("list.Items", """
                package list;
                import java.util.*;
                import java.util.concurrent.locks.*;
                public class Items {
                    private final ReadWriteLock lock = new ReentrantReadWriteLock();
                    private final List<Integer> items = new ArrayList<>();
                    public void append(int v) {
                        lock.writeLock().lock();
                        try { items.add(v); } finally { lock.writeLock().unlock(); }
                    }
                    public int size() {
                        lock.readLock().lock();
                        try { return items.size(); } finally { lock.readLock().unlock(); }
                    }
                    public List<Integer> snapshot() {
                        lock.readLock().lock();
                        try { return new ArrayList<>(items); } finally { lock.readLock().unlock(); }
                    }
                    public boolean appendIfAbsent(int v) {
                        lock.writeLock().lock();
                        try { for (int item : items) { if (item == v) return false; } items.add(v); return true; }
                        finally { lock.writeLock().unlock(); }
                    }
                }
                """, twoThreads("list.Items", "new list.Items()", "c.append(i); c.appendIfAbsent(i % 7)",
                "c.size(); c.snapshot()")));
    }

    @Test
    void appendUnderTheReadLock() {
        String text = assertRace(run("list.Items", """
                package list;
                import java.util.*;
                import java.util.concurrent.locks.*;
                public class Items {
                    private final ReadWriteLock lock = new ReentrantReadWriteLock();
                    private final List<Integer> items = new ArrayList<>();
                    public void append(int v) {
                        lock.readLock().lock();
                        try { items.add(v); } finally { lock.readLock().unlock(); }
                    }
                    public int size() {
                        lock.readLock().lock();
                        try { return items.size(); } finally { lock.readLock().unlock(); }
                    }
                }
                """, twoThreads("list.Items", "new list.Items()", "c.append(i)", "c.append(i); c.size()")),
                "the ArrayList `items`", "lock.readLock()", "several threads hold at once");
        System.out.println(text);
    }

    @Test
    void snapshotCopiedWithoutTheLock() {
        assertRace(run("list.Items", """
                package list;
                import java.util.*;
                public class Items {
                    private final Object lock = new Object();
                    private final List<Integer> items = new ArrayList<>();
                    public void append(int v) { synchronized (lock) { items.add(v); } }
                    public List<Integer> snapshot() { return new ArrayList<>(items); }
                }
                """, twoThreads("list.Items", "new list.Items()", "c.append(i)", "c.snapshot()")),
                "`items`", "`snapshot()`");
    }

    @Test
    void stampedLockOptimisticReads() {
        assertNoRace(run("point.Point", """
                package point;
                import java.util.concurrent.locks.StampedLock;
                public class Point {
                    private final StampedLock sl = new StampedLock();
                    private double x, y;
                    public void move(double dx, double dy) {
                        long stamp = sl.writeLock();
                        try { x += dx; y += dy; } finally { sl.unlockWrite(stamp); }
                    }
                    public double distance() {
                        long stamp = sl.tryOptimisticRead();
                        double cx = x, cy = y;
                        if (!sl.validate(stamp)) {
                            stamp = sl.readLock();
                            try { cx = x; cy = y; } finally { sl.unlockRead(stamp); }
                        }
                        return Math.sqrt(cx * cx + cy * cy);
                    }
                }
                """, twoThreads("point.Point", "new point.Point()", "c.move(1, 1)", "c.distance()")));
    }

    @Test
    void atomicsAndAdders() {
        assertNoRace(run("atomic.Stats", """
                package atomic;
                import java.util.concurrent.atomic.*;
                public class Stats {
                    private final AtomicInteger count = new AtomicInteger();
                    private final LongAdder total = new LongAdder();
                    private final AtomicReference<String> last = new AtomicReference<>("");
                    public void record(int n) { count.incrementAndGet(); total.add(n); last.set("n" + n); }
                    public long read() { return count.get() + total.sum() + last.get().length(); }
                }
                """, twoThreads("atomic.Stats", "new atomic.Stats()", "c.record(i)", "c.read(); c.record(1)")));
    }

    @Test
    void varHandleCompareAndSet() {
        assertNoRace(run("atomic.Counter", """
                package atomic;
                import java.lang.invoke.*;
                public class Counter {
                    private static final VarHandle COUNT;
                    static {
                        try { COUNT = MethodHandles.lookup().findVarHandle(Counter.class, "count", int.class); }
                        catch (ReflectiveOperationException e) { throw new ExceptionInInitializerError(e); }
                    }
                    private volatile int count;
                    public void increment() {
                        int c;
                        do { c = (int) COUNT.getVolatile(this); } while (!COUNT.compareAndSet(this, c, c + 1));
                    }
                    public int value() { return count; }
                }
                """, twoThreads("atomic.Counter", "new atomic.Counter()", "c.increment()",
                "c.value(); c.increment()")));
    }

    @Test
    void varHandlePlainAccessesRace() {
        assertRace(run("atomic.Counter", """
                package atomic;
                import java.lang.invoke.*;
                public class Counter {
                    private static final VarHandle COUNT;
                    static {
                        try { COUNT = MethodHandles.lookup().findVarHandle(Counter.class, "count", int.class); }
                        catch (ReflectiveOperationException e) { throw new ExceptionInInitializerError(e); }
                    }
                    private int count;
                    public void increment() { COUNT.set(this, (int) COUNT.get(this) + 1); }
                }
                """, twoThreads("atomic.Counter", "new atomic.Counter()", "c.increment()", "c.increment()")),
                "plain mode");
    }

    private static final String MAP_HARNESS = """
            package harness;
            import java.util.*;
            public class Main {
                public static void run() throws Exception {
                    List<Integer> in = new ArrayList<>();
                    for (int i = 0; i < 200; i++) in.add(i);
                    for (int round = 0; round < 5; round++) {
                        List<Integer> out = pmap.Mapper.map(in, x -> x * 2, 4);
                        if (out.size() != 200 || out.get(199) != 398) throw new AssertionError(out);
                    }
                }
            }
            """;

    @Test
    void threadsStartedAndJoinedByTheLearner() {
        assertNoRace(run("pmap.Mapper", """
                package pmap;
                import java.util.*;
                import java.util.concurrent.atomic.*;
                import java.util.function.Function;
                public class Mapper {
                    public static <T, R> List<R> map(List<T> inputs, Function<T, R> fn, int parallelism)
                            throws InterruptedException {
                        Object[] results = new Object[inputs.size()];
                        AtomicInteger next = new AtomicInteger();
                        Runnable worker = () -> {
                            int i;
                            while ((i = next.getAndIncrement()) < results.length) results[i] = fn.apply(inputs.get(i));
                        };
                        List<Thread> workers = new ArrayList<>();
                        for (int i = 0; i < parallelism; i++) {
                            workers.add(Thread.ofPlatform().name("w" + i).unstarted(worker));
                        }
                        workers.forEach(Thread::start);
                        for (Thread w : workers) w.join();
                        @SuppressWarnings("unchecked") List<R> out = (List<R>) Arrays.asList(results);
                        return new ArrayList<>(out);
                    }
                }
                """, MAP_HARNESS));
    }

    @Test
    void executorWithFutures() {
        assertNoRace(run("pmap.Mapper", """
                package pmap;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.function.Function;
                public class Mapper {
                    public static <T, R> List<R> map(List<T> inputs, Function<T, R> fn, int parallelism)
                            throws Exception {
                        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
                        try {
                            List<Future<R>> futures = new ArrayList<>();
                            for (T input : inputs) futures.add(pool.submit(() -> fn.apply(input)));
                            List<R> out = new ArrayList<>();
                            for (Future<R> f : futures) out.add(f.get());
                            return out;
                        } finally { pool.shutdown(); }
                    }
                }
                """, MAP_HARNESS));
    }

    @Test
    void virtualThreadsWithASemaphoreClosedByTryWithResources() {
        assertNoRace(run("pmap.Mapper", """
                package pmap;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.function.Function;
                public class Mapper {
                    public static <T, R> List<R> map(List<T> inputs, Function<T, R> fn, int parallelism)
                            throws Exception {
                        Semaphore permits = new Semaphore(parallelism);
                        Object[] results = new Object[inputs.size()];
                        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                            for (int i = 0; i < inputs.size(); i++) {
                                int index = i;
                                pool.execute(() -> {
                                    try { permits.acquire(); } catch (InterruptedException e) { return; }
                                    try { results[index] = fn.apply(inputs.get(index)); } finally { permits.release(); }
                                });
                            }
                        }
                        List<R> out = new ArrayList<>();
                        for (Object r : results) { @SuppressWarnings("unchecked") R v = (R) r; out.add(v); }
                        return out;
                    }
                }
                """, MAP_HARNESS));
    }

    @Test
    void executorTasksSharingAPlainList() {
        assertRace(run("pmap.Mapper", """
                package pmap;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.function.Function;
                public class Mapper {
                    public static <T, R> List<R> map(List<T> inputs, Function<T, R> fn, int parallelism)
                            throws Exception {
                        List<R> out = new ArrayList<>();
                        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
                        for (T input : inputs) pool.execute(() -> out.add(fn.apply(input)));
                        pool.shutdown();
                        pool.awaitTermination(10, TimeUnit.SECONDS);
                        out.sort(null);
                        return out;
                    }
                }
                """, MAP_HARNESS.replace("if (out.size() != 200 || out.get(199) != 398) throw new AssertionError(out);",
                        "")), // the racy list may lose results: only the detector's report is asserted
                "an ArrayList", "with add()");
    }

    @Test
    void copyOnWriteThroughAVolatileField() {
        assertNoRace(run("list.Items", """
                package list;
                import java.util.Arrays;
                public class Items {
                    private volatile int[] items = new int[0];
                    public synchronized void append(int v) {
                        int[] copy = Arrays.copyOf(items, items.length + 1);
                        copy[copy.length - 1] = v;
                        items = copy;
                    }
                    public int size() { return items.length; }
                    public int sum() { int s = 0; for (int v : items) s += v; return s; }
                }
                """, twoThreads("list.Items", "new list.Items()", "c.append(i)", "c.size(); c.sum()")));
    }

    @Test
    void doubleCheckedLockingWithoutVolatile() {
        String text = assertRace(run("lazy.Holder", """
                package lazy;
                import java.util.*;
                public class Holder {
                    private List<Integer> items;
                    private List<Integer> items() {
                        if (items == null) {
                            synchronized (this) {
                                if (items == null) { items = new ArrayList<>(); }
                            }
                        }
                        return items;
                    }
                    public void add(int v) { List<Integer> l = items(); synchronized (this) { l.add(v); } }
                    public int size() { List<Integer> l = items(); synchronized (this) { return l.size(); } }
                }
                """, twoThreads("lazy.Holder", "new lazy.Holder()", "c.add(i)", "c.size()")), "`items`", "`items()`");
        System.out.println(text);
    }

    @Test
    void aThreadStartedUnseenIsNotReported() {
        RaceDetector.RaceReport report = run("counter.Counter", """
                package counter;
                public class Counter {
                    private int count;
                    public void increment() { count++; }
                }
                """, """
                package harness;
                import java.util.concurrent.*;
                public class Main {
                    public static void run() throws Exception {
                        counter.Counter c = new counter.Counter();
                        c.increment();
                        ForkJoinPool.commonPool().submit(() -> { c.increment(); return null; }).get();
                        c.increment();
                    }
                }
                """);
        assertNoRace(report);
    }

    /** A check makes its objects before the watch begins: their conditions, lock views and VarHandles still count. */
    @Test
    void objectsMadeBeforeTheWatchKeepWhatTheyAre() {
        String text = assertRace(Instrumented.runTurns(dir, Map.of("made.Before", """
                package made;
                import java.lang.invoke.*;
                import java.util.ArrayDeque;
                import java.util.concurrent.locks.*;
                public class Before {
                    private static final VarHandle HITS;
                    static {
                        try { HITS = MethodHandles.lookup().findVarHandle(Before.class, "hits", int.class); }
                        catch (ReflectiveOperationException e) { throw new ExceptionInInitializerError(e); }
                    }
                    private volatile int hits;
                    private final ReadWriteLock rw = new ReentrantReadWriteLock();
                    private final Lock readLock = rw.readLock();
                    private final Lock writeLock = rw.writeLock();
                    private final Condition changed = writeLock.newCondition();
                    private final ArrayDeque<Integer> items = new ArrayDeque<>();
                    public void put(int v) {
                        writeLock.lock();
                        try {
                            items.addLast(v);
                            HITS.getAndAdd(this, 1);
                            changed.signalAll();
                        } finally { writeLock.unlock(); }
                    }
                    public int take() throws InterruptedException {
                        writeLock.lock();
                        try { while (items.isEmpty()) { changed.await(); } return items.removeFirst(); }
                        finally { writeLock.unlock(); }
                    }
                    public int size() { readLock.lock(); try { return items.size(); } finally { readLock.unlock(); } }
                    public void sneak(int v) {
                        readLock.lock();
                        try { items.addLast(v); } finally { readLock.unlock(); }
                    }
                    public int hits() { return (int) HITS.getVolatile(this); }
                }
                """), Map.of("harness.Main", """
                package harness;
                import java.util.List;
                public class Main {
                    public static List<Object> steps() {
                        var b = new made.Before(); // made before the watch: so are its view, condition and VarHandle
                        Runnable put = () -> b.put(1);
                        Runnable take = () -> { try { b.take(); } catch (InterruptedException e) { } };
                        Runnable size = b::size;
                        Runnable hits = b::hits;
                        Runnable sneak = () -> b.sneak(2);
                        return List.of(0, put, 1, take, 1, size, 0, hits, 0, put, 1, take, 0, sneak, 1, sneak);
                    }
                }
                """), "harness.Main"), "`sneak()`", "holding `readLock`", "several threads hold at once");
        assertTrue(!text.contains("`take()`") && !text.contains("`size()`") && !text.contains("`hits()`"), text);
    }
}
