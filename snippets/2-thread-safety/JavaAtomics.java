///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES support/Contention.java support/TwoCounts.java
//SOURCES ../../solutions/atomic-int/AtomicInt.java ../../solutions/counter/ThreadSafeCounter.java

// Java's own atomics beside the chapter's lock-based AtomicInt: AtomicInteger, LongAdder and VarHandle, and how
// fast each counts when several threads hammer one counter.
//
// Run:  ./jbang 2f-java-atomics                                (4 threads x 1,000,000 increments per counter)
//       ./jbang 2f-java-atomics <threads> <increments-per-thread>
//
// You will see first what each API call returns (the same on every run), then one line per counter: whether it
// counted every increment (all do) and its throughput in millions of increments per second. The throughput VARIES
// from run to run and machine to machine. On an idle machine with several cores, the locks (AtomicInt,
// ThreadSafeCounter) are usually slowest under contention, AtomicInteger and VarHandle (one atomic instruction per
// increment) faster, and LongAdder - which spreads the count over several cells and adds them up only when asked -
// fastest for pure counting. On a busy 2-core machine the order can change from run to run: a quick loop like this
// one measures the scheduler as much as the counter. For numbers you can trust, use a benchmark harness (JMH).

import atomicint.AtomicInt;
import counter.ThreadSafeCounter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

public class JavaAtomics {
    public static void main(String[] args) {
        TwoCounts counts = TwoCounts.parse(args, "2f-java-atomics [<threads> <increments-per-thread>]")
                .orElse(new TwoCounts(4, 1_000_000));
        AtomicsApis.show();
        System.out.printf("%d threads x %,d increments on one shared counter (throughput varies from run to run):%n",
                counts.first(), counts.second());
        for (AtomicsRace.Result result : AtomicsRace.measure(counts.first(), counts.second())) {
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
        System.out.println("LongAdder: increment(), add(41), sum() -> " + adder.sum()
                + " (no compareAndSet: it is made for counting, not for decisions)");

        VarHandleCounter handle = new VarHandleCounter();
        System.out.println("VarHandle on a plain field: getAndAdd(+1) -> " + handle.incrementAndGet()
                + ", compareAndSet(1, 5) -> " + handle.compareAndSet(1, 5) + ", value " + handle.value());
        System.out.println();
    }
}
// end::apis[]

// tag::var-handle[]
/** An atomic counter on an ordinary field: what AtomicInteger does inside, available for any field. */
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

// tag::race[]
/** Five counters, the two lock-based ones and Java's atomics, each shared by several threads that only count. */
final class AtomicsRace {
    record Result(String counter, long expected, boolean countedAll, double millionsPerSecond) {}

    /** One counter under test: how to increment it and how to read what it counted. */
    private record Subject(String name, Runnable increment, LongSupplier value) {}

    private static List<Subject> freshSubjects() {
        AtomicInt lockBased = new AtomicInt(0);
        ThreadSafeCounter reentrant = new ThreadSafeCounter();
        AtomicInteger atomic = new AtomicInteger();
        VarHandleCounter handle = new VarHandleCounter();
        LongAdder adder = new LongAdder();
        return List.of(
                new Subject("AtomicInt (synchronized)", () -> lockBased.increment(1), lockBased::value),
                new Subject("ThreadSafeCounter (ReentrantLock)", reentrant::increment, reentrant::value),
                new Subject("AtomicInteger.incrementAndGet", atomic::incrementAndGet, atomic::get),
                new Subject("VarHandle.getAndAdd", handle::incrementAndGet, handle::value),
                new Subject("LongAdder.increment", adder::increment, adder::sum));
    }

    static List<Result> measure(int threads, int incrementsPerThread) {
        for (Subject warmUp : freshSubjects()) { // let the JIT compile every counter before timing any of them
            Contention.run(threads, Math.max(1, incrementsPerThread / 10), warmUp.increment());
        }
        long expected = (long) threads * incrementsPerThread;
        return freshSubjects().stream().map(subject -> {
            Duration took = Contention.run(threads, incrementsPerThread, subject.increment());
            return new Result(subject.name(), expected, subject.value().getAsLong() == expected,
                    expected / (took.toNanos() / 1e9) / 1e6);
        }).toList();
    }
}
// end::race[]
