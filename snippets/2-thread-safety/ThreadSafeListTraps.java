///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES ../../solutions/list/ThreadSafeList.java

// ThreadSafeList and its two traps: every call is atomic, but two calls in a row are not, and iterating a list
// while another thread changes it fails. ThreadSafeList is the exercise's reference solution
// (solutions/list/ThreadSafeList.java); the threads that share it are below.
//
// Run:  ./jbang 2g-thread-safe-list
//
// You will see:
//  1. Check-then-act: 4 threads each add the numbers 0..9999 "if absent", written as two atomic calls - look
//     (snapshot().contains) and then append. Between the two, another thread can append the same number: the list
//     ends up with duplicates (how many varies from run to run). "appendIfAbsent (one call)", which checks and
//     appends under one lock, leaves exactly 10,000 distinct numbers on every run.
//  2. Iterating a plain ArrayList while another thread appends: it usually ends in ConcurrentModificationException
//     within the first few passes. That is ArrayList's fail-fast check, which its Javadoc promises only on a
//     best-effort basis: modCount is a plain field that another thread writes without a lock, so a pass may also
//     miss the change, or fail with another exception (the line then names it). Iterating "snapshot()" copies of a
//     ThreadSafeList while another thread appends: no exception, every pass sees one consistent state.

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import list.ThreadSafeList;

public class ThreadSafeListTraps {
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 0) {
            System.err.println("usage: ./jbang 2g-thread-safe-list (no arguments)");
            System.exit(2);
        }
        System.out.println("1. 4 threads each add 0..9999 if absent:");
        CheckThenAct.compare(4, 10_000);
        System.out.println("2. One thread iterates while another appends:");
        IterationWhileAppending.compare(10_000);
    }
}

// tag::adders[]
/** Threads that each offer every value 0..values-1, all in the same order, all at the same time. */
final class Adders {
    static void offerAll(int threads, int values, IntConsumer addIfAbsent) throws InterruptedException {
        Phaser startLine = new Phaser(threads + 1); // every thread waits here until all exist, so they collide
        List<Thread> adders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            adders.add(Thread.ofPlatform().start(() -> {
                startLine.arriveAndAwaitAdvance();
                for (int value = 0; value < values; value++) {
                    addIfAbsent.accept(value);
                }
            }));
        }
        startLine.arriveAndAwaitAdvance();
        for (Thread adder : adders) {
            adder.join();
        }
    }
}
// end::adders[]

// tag::check-then-act[]
/** "Add it if it is not there yet" as two calls, and as one. */
final class CheckThenAct {
    static void compare(int threads, int values) throws InterruptedException {
        ThreadSafeList<Integer> twoCalls = new ThreadSafeList<>();
        Adders.offerAll(threads, values, value -> {
            if (!twoCalls.snapshot().contains(value)) { // check...
                twoCalls.append(value);                 // ...then act: another thread may have appended it meanwhile
            }
        });
        report("check, then append (two calls)", twoCalls.snapshot());
        ThreadSafeList<Integer> oneCall = new ThreadSafeList<>();
        Adders.offerAll(threads, values, oneCall::appendIfAbsent);
        report("appendIfAbsent (one call)", oneCall.snapshot());
    }

    private static void report(String how, List<Integer> result) {
        int distinct = new HashSet<>(result).size();
        System.out.printf("   %-32s size %,6d, distinct %,6d, duplicates %,6d%n", how, result.size(), distinct,
                result.size() - distinct);
    }
}
// end::check-then-act[]

// tag::iterate-while-appending[]
/** Iterating a list while another thread appends to it: the list itself, and a snapshot of it. */
final class IterationWhileAppending {
    static void compare(int initialSize) throws InterruptedException {
        List<Integer> plain = new ArrayList<>(IntStream.range(0, initialSize).boxed().toList());
        iterate("plain ArrayList, for-each", plain::add, () -> plain);
        ThreadSafeList<Integer> safe = new ThreadSafeList<>();
        plain.forEach(safe::append);
        iterate("ThreadSafeList, for-each over snapshot()", safe::append, safe::snapshot);
    }

    /** Iterates view's list pass after pass while a second thread appends, until an exception or 1,000 passes. */
    static void iterate(String how, IntConsumer append, Supplier<List<Integer>> view) throws InterruptedException {
        Thread appender = Thread.ofPlatform().name("appender").start(() -> {
            for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                append.accept(i);
                LockSupport.parkNanos(10_000); // a steady trickle, not a flood that would fill the heap
            }
        });
        int passes = 0;
        String outcome = "no exception";
        try { // 1,000 passes, or 10 s on a very busy machine
            for (long end = System.nanoTime() + 10_000_000_000L; passes < 1_000 && System.nanoTime() < end; passes++) {
                view.get().forEach(element -> {}); // each step checks: was the list changed since the pass began?
            }
        } catch (RuntimeException e) { // ConcurrentModificationException, when the fail-fast check sees the change
            outcome = e.getClass().getSimpleName();
        } finally {
            appender.interrupt();
            appender.join();
        }
        System.out.printf("   %-42s %s after %,d complete passes%n", how + ":", outcome, passes);
    }
}
// end::iterate-while-appending[]
