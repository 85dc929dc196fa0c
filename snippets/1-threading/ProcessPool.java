///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//SOURCES support/ChildJvm.java
//SOURCES support/PoolTask.java

// The chapter's parallel executor - multiprocessing.Pool(4).map(print_stdout, [1, 2, 3, 4]) - with real processes.
//
// Java has no multiprocessing module, so this script starts 4 worker processes itself: each is a new JVM that runs
// this same class (same java binary, same classpath) with --worker. The parent hands the numbers out round-robin
// over the workers' stdin; each worker prints "<number> pid=<its process id>" and the parent passes that through.
//
// Run:   ./jbang 1e-process-pool          (the chapter's numbers 1 to 4)
//        ./jbang 1e-process-pool 8        (8 numbers over the same 4 workers: each pid shows up twice)
// You will see:
//        4 lines with 4 different pids, none of them the parent's; "tasks-run-by-this-jvm" counts only the tasks of
//        that worker, because processes share no memory; then each worker's start-up cost (spawn to first result,
//        hundreds of milliseconds: a whole JVM starts) and resident memory (tens of MB each).
// Varies: the order of the lines, the pids and the timings change from run to run; the set of numbers does not.
// Compare: 1f-thread-pool (one process, 4 threads) and 1g-virtual-threads (one process, a virtual thread per task).

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

public class ProcessPool {
    private static final String WORKER_FLAG = "--worker";
    private static final String MEMORY_REPORT = "resident-mb=";

    /** One worker process as the parent sees it. */
    private record Worker(Process process, long spawnedAt, long[] firstLineAt, long[] residentMb) {
        Worker(Process process, long spawnedAt) {
            this(process, spawnedAt, new long[1], new long[] {-1});
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(WORKER_FLAG)) {
            runWorker();
            return;
        }
        int tasks = PoolTask.taskCount(args, "1e-process-pool");
        System.out.println("parent pid=" + ProcessHandle.current().pid() + ", starting " + PoolTask.WORKERS
                + " worker processes");

        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < PoolTask.WORKERS; i++) {
            long spawnedAt = System.nanoTime();
            workers.add(new Worker(ChildJvm.start(ProcessPool.class, WORKER_FLAG), spawnedAt));
        }
        handOut(tasks, workers);
        List<Thread> readers = workers.stream().map(w -> Thread.ofVirtual().start(() -> relayOutput(w))).toList();
        for (Thread reader : readers) {
            reader.join();
        }
        for (Worker worker : workers) {
            if (worker.process().waitFor() != 0) {
                System.err.println("error: worker pid " + worker.process().pid() + " exited with "
                        + worker.process().exitValue());
                System.exit(1);
            }
        }
        report(workers);
    }

    /** Writes number n to worker (n - 1) % 4, then closes every worker's stdin so that it ends after its share. */
    private static void handOut(int tasks, List<Worker> workers) {
        List<PrintWriter> inputs = workers.stream().map(w -> new PrintWriter(w.process().getOutputStream())).toList();
        for (int number = 1; number <= tasks; number++) {
            inputs.get((number - 1) % inputs.size()).println(number);
        }
        inputs.forEach(PrintWriter::close);
    }

    /** Passes a worker's results through to our stdout and keeps its timing and memory report. */
    private static void relayOutput(Worker worker) {
        try (BufferedReader out = worker.process().inputReader()) {
            for (String line; (line = out.readLine()) != null; ) {
                if (worker.firstLineAt()[0] == 0) {
                    worker.firstLineAt()[0] = System.nanoTime();
                }
                if (line.startsWith(MEMORY_REPORT)) {
                    worker.residentMb()[0] = Long.parseLong(line.substring(MEMORY_REPORT.length()));
                } else {
                    System.out.println(line);
                }
            }
        } catch (IOException e) {
            System.err.println("error: lost the output of worker pid " + worker.process().pid() + ": " + e);
        }
    }

    /** The worker process: runs the task for every number on its stdin, then reports its memory and exits. */
    private static void runWorker() throws IOException {
        BufferedReader numbers = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = numbers.readLine()) != null; ) {
            PoolTask.printNumber(Integer.parseInt(line));
        }
        System.out.println(MEMORY_REPORT + PoolTask.residentMegabytes());
    }

    private static void report(List<Worker> workers) {
        long[] startup = workers.stream().mapToLong(w -> w.firstLineAt()[0] - w.spawnedAt()).toArray();
        System.out.println();
        System.out.println("worker pids: " + workers.stream().map(w -> w.process().pid()).toList()
                + " - 4 processes, none of them the parent");
        System.out.println("start-up cost per worker (spawn to first result): " + PoolTask.durations(startup));
        System.out.println("resident memory per worker: "
                + workers.stream().map(w -> w.residentMb()[0] + " MB").toList()
                + " - each has its own heap, JIT compiler and loaded classes");
        System.out.println("isolation: the workers share no memory (tasks-run-by-this-jvm counts only the worker's"
                + " own tasks); a crash or System.exit ends one worker, not the pool; data crosses only through"
                + " pipes, as text.");
    }
}
