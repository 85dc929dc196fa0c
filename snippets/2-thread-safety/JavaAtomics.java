///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES ../../solutions/atomic-int/AtomicInt.java ../../solutions/counter/ThreadSafeCounter.java

// Java's own atomics beside the chapter's lock-based AtomicInt: AtomicInteger, LongAdder and VarHandle, and how
// fast each counts when several threads hammer one counter.
//
// Run:  ./jbang 2f-java-atomics                                (4 threads x 1,000,000 increments per counter)
//       ./jbang 2f-java-atomics <threads> <increments-per-thread>
//
// You will see first what each API call returns (the same on every run: a compareAndSet that expected 1 fails
// "(it was not 1 any more)"), then one line per counter: whether it counted every increment (all do: "counted all")
// and its throughput in millions of increments per second. The throughput VARIES from run to run and machine to
// machine. On an idle machine with several cores, the locks (AtomicInt, ThreadSafeCounter) are usually slowest under
// contention, AtomicInteger and VarHandle faster (HotSpot compiles their getAndAdd to one atomic instruction: lock
// xadd on x86, LDADD on ARMv8.1+, a load-linked/store-conditional loop on older ARM), and LongAdder - which spreads
// the count over several cells and adds them up only when asked - fastest for pure counting. On a busy 2-core machine
// the order can change from run to run: a quick loop like this one measures the scheduler as much as the counter.
// For numbers you can trust, use a benchmark harness (JMH).

import atomicint.AtomicInt;
import counter.ThreadSafeCounter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

public class JavaAtomics {
    public static void main(String[] args) throws InterruptedException {
        if (!String.join(" ", args).matches("|[1-9]\\d{0,5} [1-9]\\d{0,8}")) { // no arguments, or two positive counts
            System.err.println("usage: ./jbang 2f-java-atomics [<threads> <increments-per-thread>]");
            System.exit(2);
        }
        int threads = args.length == 2 ? Integer.parseInt(args[0]) : 4;
        int increments = args.length == 2 ? Integer.parseInt(args[1]) : 1_000_000;
        AtomicsApis.show();
        System.out.printf("%d threads x %,d increments on one shared counter (throughput varies from run to run):%n",
                threads, increments);
        for (AtomicsRace.Result result : AtomicsRace.measure(threads, increments)) {
            System.out.printf("  %-34s counted all %,d: %-5s %8.1f million increments/s%n", result.counter(),
                    result.expected(), result.countedAll(), result.millionsPerSecond());
        }
    }
}

// tag::apis[]
/** The calls of Java's atomics, and what each returns. */
final class AtomicsApis {
    static void show() {
        AtomicInteger atomic = new AtomicInteger(0);
        System.out.println("AtomicInteger:");
        System.out.println("  incrementAndGet()          -> " + atomic.incrementAndGet());
        System.out.println("  compareAndSet(1, 10)       -> " + atomic.compareAndSet(1, 10) + ", value "
                + atomic.get());
        System.out.println("  compareAndSet(1, 20)       -> " + atomic.compareAndSet(1, 20) + ", value " + atomic.get()
                + " (it was not 1 any more)");
        // updateAndGet retries the function until its compare-and-set succeeds: keep the function free of side effects.
        System.out.println("  updateAndGet(x -> x * 3)   -> " + atomic.updateAndGet(x -> x * 3));

        LongAdder adder = new LongAdder();
        adder.increment();
        adder.add(41);
        // sum() adds up the cells one by one: while other threads add, it is not a snapshot of one instant.
        System.out.println("LongAdder: increment(), add(41), sum() -> " + adder.sum()
                + " (no compareAndSet: it is made for counting, not for decisions)");

        VarHandleCounter handle = new VarHandleCounter();
        System.out.println("VarHandle on a volatile int field: getAndAdd(+1) -> " + handle.incrementAndGet()
                + ", compareAndSet(1, 5) -> " + handle.compareAndSet(1, 5) + ", value " + handle.value());
        System.out.println();
    }
}
// end::apis[]

// tag::var-handle[]
/**
 * An atomic counter on a field of your own class: the atomic operations AtomicInteger offers, without an extra object
 * per counter. (AtomicInteger itself calls the JDK-internal jdk.internal.misc.Unsafe; a VarHandle is the public API
 * for the same operations.) The field is volatile, so its plain reads and writes are volatile accesses too.
 */
final class VarHandleCounter {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(VarHandleCounter.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int count;

    int incrementAndGet() {
        return (int) COUNT.getAndAdd(this, 1) + 1;
    }

    boolean compareAndSet(int expectedValue, int newValue) {
        return COUNT.compareAndSet(this, expectedValue, newValue);
    }

    int value() {
        return count;
    }
}
// end::var-handle[]

// tag::counters[]
/** One counter under test: its name, how to increment it and how to read what it counted. */
record Contender(String name, Runnable increment, LongSupplier value) {
    /** The five counters, new: the two lock-based ones and Java's atomics. */
    static List<Contender> fresh() {
        AtomicInt lockBased = new AtomicInt(0);
        ThreadSafeCounter reentrant = new ThreadSafeCounter();
        AtomicInteger atomic = new AtomicInteger();
        VarHandleCounter handle = new VarHandleCounter();
        LongAdder adder = new LongAdder();
        return List.of(
                new Contender("AtomicInt (synchronized)", () -> lockBased.increment(1), lockBased::value),
                new Contender("ThreadSafeCounter (ReentrantLock)", reentrant::increment, reentrant::value),
                new Contender("AtomicInteger.incrementAndGet", atomic::incrementAndGet, atomic::get),
                new Contender("VarHandle.getAndAdd", handle::incrementAndGet, handle::value),
                new Contender("LongAdder.increment", adder::increment, adder::sum));
    }
}
// end::counters[]

// tag::all-at-once[]
/** Threads that all increment one counter at the same time; how long they took, all together. */
final class AllAtOnce {
    static Duration increment(int threads, int incrementsPerThread, Runnable increment) throws InterruptedException {
        Phaser startLine = new Phaser(threads + 1); // every thread waits here until all exist, main too
        Thread[] contenders = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            contenders[t] = Thread.ofPlatform().start(() -> {
                startLine.arriveAndAwaitAdvance();
                for (int i = 0; i < incrementsPerThread; i++) {
                    increment.run();
                }
            });
        }
        startLine.arriveAndAwaitAdvance(); // the last to arrive: they all go at once
        long start = System.nanoTime();
        for (Thread contender : contenders) {
            contender.join();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
// end::all-at-once[]

// tag::race[]
/** The five counters, each shared by several threads that only count: did each count all, and how fast? */
final class AtomicsRace {
    record Result(String counter, long expected, boolean countedAll, double millionsPerSecond) {}

    static List<Result> measure(int threads, int incrementsPerThread) throws InterruptedException {
        for (Contender warmUp : Contender.fresh()) { // let the JIT compile every counter before timing any of them
            AllAtOnce.increment(threads, Math.max(1, incrementsPerThread / 10), warmUp.increment());
        }
        long expected = (long) threads * incrementsPerThread;
        List<Result> results = new ArrayList<>();
        for (Contender counter : Contender.fresh()) {
            Duration took = AllAtOnce.increment(threads, incrementsPerThread, counter.increment());
            results.add(new Result(counter.name(), expected, counter.value().getAsLong() == expected,
                    expected / (took.toNanos() / 1e9) / 1e6));
        }
        return results;
    }
}
// end::race[]
