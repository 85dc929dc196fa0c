///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES ../../solutions/atomic-int/AtomicInt.java

// AtomicInt built on a lock, as in the chapter (Python has no atomic variables, so the chapter makes one). The class
// is the exercise's reference solution (solutions/atomic-int/AtomicInt.java); the threads that share it are below.
//
// Run:  ./jbang 2e-atomic-int
//
// You will see the chapter's example - increment(1), then decrement(2), then "myInt.value() = -1" - and then the
// same object shared by 4 threads that each do 100,000 x (increment(1), decrement(2)): "expected -400,000, actual
// -400,000", because each method holds the object's lock for its whole read-modify-write. Also compareAndSet, the
// operation that lets a caller build its own atomic updates. The output is the same on every run.
// Java has atomics built in: ./jbang 2f-java-atomics shows them beside this class.

import atomicint.AtomicInt;
import java.util.ArrayList;
import java.util.List;

public class AtomicIntDemo {
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 0) {
            System.err.println("usage: ./jbang 2e-atomic-int (no arguments)");
            System.exit(2);
        }
        AtomicInt myInt = new AtomicInt(0);
        System.out.println("myInt.increment(1) returns " + myInt.increment(1));
        System.out.println("myInt.decrement(2) returns " + myInt.decrement(2));
        System.out.println("myInt.value() = " + myInt.value()); // the chapter's "Prints -1"

        int threads = 4;
        int rounds = 100_000;
        AtomicInt shared = new AtomicInt(0); // one object, four threads
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < rounds; i++) {
                    shared.increment(1); // each call is atomic: the lock is held from read to write
                    shared.decrement(2);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("%d threads x %,d x (increment(1), decrement(2)): expected %,d, actual %,d%n", threads,
                rounds, -(long) threads * rounds, shared.value());

        // compareAndSet: "set it to 10, but only if it is still what I last saw" - a failed CAS means another
        // thread changed it in between, and the caller reads again and retries.
        AtomicInt cas = new AtomicInt(5);
        System.out.println("compareAndSet(5, 10) on 5: " + cas.compareAndSet(5, 10) + ", value " + cas.value());
        System.out.println("compareAndSet(5, 20) on 10: " + cas.compareAndSet(5, 20) + ", value " + cas.value());
    }
}
