///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES support/PoolTask.java

// The chapter's parallel executor with threads instead of processes: a fixed pool of 4 platform threads in one JVM.
//
// Run:   ./jbang 1f-thread-pool           (the chapter's numbers 1 to 4)
//        ./jbang 1f-thread-pool 8         (8 numbers over the same 4 threads)
// You will see:
//        every line carries the same pid - this process's - and one of 4 thread names (pool-1-thread-1 to -4);
//        "tasks-run-by-this-jvm" climbs to the number of tasks, because the threads share one heap; a thread
//        starts in about a millisecond or less (a thread, not a JVM); memory is that of one JVM.
// Varies: the order of the lines, which thread runs which number, and the timings.
// Compare: 1e-process-pool (4 JVMs) and 1g-virtual-threads.

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

public class ThreadPool {
    public static void main(String[] args) throws InterruptedException {
        try {
            FixedThreadPool.run(PoolTask.taskCount(args, "1f-thread-pool"));
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}

// tag::pool[]
/** The lesson: a pool of threads that run the tasks. */
final class FixedThreadPool {
    /** Hands the numbers 1..tasks to the pool, each printed by the thread that runs it; then what it cost. */
    static void run(int tasks) throws InterruptedException {
        System.out.println("this process: pid=" + ProcessHandle.current().pid() + ", a pool of " + PoolTask.WORKERS
                + " platform threads");
        // A fixed pool creates a new thread for each of its first 4 tasks, so a task's wait is that thread's start.
        long[] startup = new long[Math.min(tasks, PoolTask.WORKERS)];
        ExecutorService pool = Executors.newFixedThreadPool(PoolTask.WORKERS);
        for (int number = 1; number <= tasks; number++) {
            int task = number;
            long submittedAt = System.nanoTime();
            pool.execute(() -> {
                if (task <= startup.length) {
                    startup[task - 1] = System.nanoTime() - submittedAt;
                }
                PoolTask.printNumber(task);
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the pool did not finish within a minute");
        }
        PoolTask.printCosts("worker thread", startup, Thread.ofPlatform());
        System.out.println("each platform thread is an OS thread with its own stack (1 MB reserved by default on"
                + " 64-bit Linux)");
        System.out.println("isolation: none - the threads share the heap (tasks-run-by-this-jvm counts them all), so"
                + " shared data needs thread safety (principle 2), and a crash or System.exit ends every worker.");
    }
}
// end::pool[]
