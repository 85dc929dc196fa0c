///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES support/PoolTask.java

// The chapter's parallel executor on virtual threads: Executors.newVirtualThreadPerTaskExecutor(), one virtual
// thread per task, all in one JVM.
//
// Run:   ./jbang 1g-virtual-threads        (the chapter's numbers 1 to 4)
//        ./jbang 1g-virtual-threads 100    (100 tasks: 100 virtual threads on a few carrier threads)
// You will see:
//        "a new virtual thread per task"; the same pid on every line; threads printed as
//        VirtualThread[#id]/runnable@ForkJoinPool-1-worker-N - a virtual thread runs mounted on a carrier, a
//        platform thread of a ForkJoinPool sized to the cores;
//        once warm, a virtual thread starts in microseconds (the first also starts the carriers); memory is that
//        of one JVM.
// Varies: the order of the lines, the carriers and the timings.
// Virtual threads pay off for tasks that wait on the network (see 1b-data-exporter): a virtual thread blocked on a
// socket leaves its carrier free. A file read blocks the carrier (the scheduler temporarily adds one to make up for
// it), and on JDK 21-23 blocking inside synchronized pins the carrier (JEP 491 fixed that in JDK 24). CPU-bound work
// gains nothing from them, since no more of them run at once than there are carriers.

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class VirtualThreadPool {
    public static void main(String[] args) throws InterruptedException {
        VirtualThreadPerTask.run(PoolTask.taskCount(args, "1g-virtual-threads"));
    }
}

// tag::pool[]
/** The lesson: a pool of threads that run the tasks. */
final class VirtualThreadPerTask {
    /** Hands the numbers 1..tasks to the pool, each printed by the thread that runs it; then what it cost. */
    static void run(int tasks) throws InterruptedException {
        System.out.println("this process: pid=" + ProcessHandle.current().pid() + ", a new virtual thread per task, "
                + Runtime.getRuntime().availableProcessors() + " cores to carry them");

        long[] startup = new long[tasks];
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) { // close() waits for all
            for (int number = 1; number <= tasks; number++) {
                int task = number;
                long submittedAt = System.nanoTime();
                executor.execute(() -> {
                    startup[task - 1] = System.nanoTime() - submittedAt;
                    PoolTask.printNumber(task);
                });
            }
        }
        PoolTask.printCosts("virtual thread", startup, Thread.ofVirtual()); // the first also starts the carriers
        System.out.println("a virtual thread's stack lives on the heap and takes only what it uses, so millions of"
                + " them fit");
        System.out.println("isolation: none, as with platform threads - one heap, one process; what differs is the"
                + " cost of a thread, not its safety.");
    }
}
// end::pool[]
