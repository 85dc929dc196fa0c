///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+

// A race that loses updates: several threads increment one int counter with no lock, and some increments vanish.
// Everything the race is made of is in this file, top to bottom: the shared counter, the threads that share it, and
// the count they reach.
//
// Run:  ./jbang 2a-lost-updates                       (1, 2, 4 and 8 threads x 5,000,000 increments each)
//       ./jbang 2a-lost-updates <threads> <increments-per-thread>
//
// You will see, per number of threads, the count the counter should reach, the count it did reach and how many
// increments were lost, under the heading "One counter, no lock, incremented by several threads at once". With one
// thread nothing is lost; with more, updates are lost - from a few thousand to millions. The numbers vary from run
// to run: they depend on how often two threads run at the same instant, so on a busy machine a short run can even
// lose none. That is what makes races hard to find by testing, and even a tool made for it is not sure to:
// 2c-jcstress-counter runs jcstress on the same counter, and at short run times it missed the lost update in 1 run of 3
// here (grader/README.md). The counter's field is a volatile int; UnguardedCounter below says why.

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;

public class LostUpdatesDemo {
    public static void main(String[] args) throws InterruptedException {
        List<Integer> threadCounts = List.of(1, 2, 4, 8);
        int increments = 5_000_000;
        if (args.length == 2 && args[0].matches("[1-9]\\d{0,5}") && args[1].matches("[1-9]\\d{0,8}")) {
            threadCounts = List.of(Integer.parseInt(args[0]));
            increments = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            System.err.println("usage: ./jbang 2a-lost-updates [<threads> <increments-per-thread>]"
                    + " (positive integers)");
            System.exit(2);
        }
        System.out.println("One counter, no lock, incremented by several threads at once (count++ on a volatile int):");
        System.out.printf("%8s %18s %14s %14s %14s%n", "threads", "increments/thread", "expected", "actual", "lost");
        for (int threads : threadCounts) {
            long expected = (long) threads * increments;
            long actual = LostUpdates.count(threads, increments);
            System.out.printf("%8d %,18d %,14d %,14d %,14d%n", threads, increments, expected, actual,
                    expected - actual);
        }
        System.out.println("count++ reads, adds and writes back in three steps; two threads that read the same value"
                + " both write value+1, and one increment is lost.");
    }
}

// tag::counter[]
/**
 * The racy counter: {@code count++} is three steps - read, add one, write back - and nothing stops two threads from
 * reading the same value and both writing back that value plus one. One of the two increments is then lost.
 *
 * <p>Why {@code volatile}? It is the fix people try first, and it is not enough. Under the Java Memory Model a
 * {@code volatile} field gives visibility and ordering: a read sees the latest write to it, in one order that all
 * threads agree on (the caches of the cores are coherent anyway; "going to main memory" is not what it does). It does
 * not make {@code count++} one step, so updates are still lost. A plain {@code int} loses updates too (the jcstress
 * snippet shows it), but in a loop that does nothing but increment, the JIT may keep a plain field in a register and
 * write it back once per thread - the race then hides in a demo like this one, while in real code, with other work
 * between increments, it stays.
 */
final class UnguardedCounter {
    private volatile int count;

    void increment() {
        count++; // read, add one, write back: another thread can come in between
    }

    int value() {
        return count;
    }
}
// end::counter[]

// tag::race[]
/** The race: threads that all increment one shared counter at the same time, and the count they reach. */
final class LostUpdates {
    static int count(int threads, int incrementsPerThread) throws InterruptedException {
        UnguardedCounter counter = new UnguardedCounter(); // the state all the threads share
        // A start line: every thread waits at it until all have arrived (main too), so that they really overlap -
        // without it, the first thread could be done before the last one starts.
        Phaser startLine = new Phaser(threads + 1);
        List<Thread> incrementers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            incrementers.add(Thread.ofPlatform().start(() -> {
                startLine.arriveAndAwaitAdvance();
                for (int i = 0; i < incrementsPerThread; i++) {
                    counter.increment();
                }
            }));
        }
        startLine.arriveAndAwaitAdvance(); // the last to arrive: they all start now
        for (Thread incrementer : incrementers) {
            incrementer.join(); // join also makes each thread's writes visible to this one
        }
        return counter.value();
    }
}
// end::race[]
