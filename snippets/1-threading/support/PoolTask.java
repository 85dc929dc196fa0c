import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What the three pool snippets (worker processes, platform threads, virtual threads) share: the chapter's task, the
 * one argument they take, and how they report start-up cost and memory.
 */
final class PoolTask {
    /** The chapter's pool size: {@code multiprocessing.Pool(4)}. */
    static final int WORKERS = 4;

    /** Tasks this JVM has run so far. Threads of one process share it; every worker process has its own. */
    private static final AtomicInteger tasksRunByThisJvm = new AtomicInteger();

    private PoolTask() {}

    /** The chapter's {@code print_stdout(number)}: the number, the process id, and here also the thread. */
    static void printNumber(int number) {
        System.out.printf("%d pid=%d tasks-run-by-this-jvm=%d thread=%s%n", number, ProcessHandle.current().pid(),
                tasksRunByThisJvm.incrementAndGet(), Thread.currentThread());
    }

    /** Reads the optional argument, the number of tasks (default 4: the chapter's numbers 1 to 4); exits 2 if bad. */
    static int taskCount(String[] args, String alias) {
        String usage = "usage: ./jbang " + alias + " [number-of-tasks, 1 to 100, default 4]";
        if (args.length == 0) {
            return WORKERS;
        }
        try {
            int tasks = args.length == 1 ? Integer.parseInt(args[0]) : -1;
            if (tasks >= 1 && tasks <= 100) {
                return tasks;
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the usage line
        }
        System.err.println(usage);
        System.exit(2);
        return 0; // unreachable
    }

    /** This process's resident memory in MB, read from /proc (Linux); -1 where there is no /proc. */
    static long residentMegabytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException | NumberFormatException noProc) {
            return -1;
        }
    }

    /** Starts {@code count} threads that do nothing, waits for them all, and returns the mean cost per thread in ms. */
    static double meanStartCostMillis(Thread.Builder builder, int count) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            threads.add(builder.start(() -> { }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return (System.nanoTime() - start) / 1e6 / count;
    }

    /** "0.41, 0.12 ms (mean 0.27 ms)" for a list of durations in nanoseconds. */
    /**
     * Prints what the threads cost: each task's wait for its thread ({@code startup}, submit to run), the mean start
     * of 1,000 more threads from {@code builder}, and the memory of this one JVM.
     */
    static void printCosts(String thread, long[] startup, Thread.Builder builder) throws InterruptedException {
        System.out.println();
        System.out.println("start-up cost per " + thread + " (submit to run): " + durations(startup)
                + " - the first pays for loading classes once");
        System.out.printf("start-up cost of 1,000 more of them: %.3f ms each%n",
                meanStartCostMillis(builder, 1000));
        System.out.println("resident memory of the one JVM: " + residentMegabytes() + " MB");
    }

    static String durations(long[] nanos) {
        String each = Arrays.stream(nanos).mapToObj(n -> String.format("%.2f", n / 1e6))
                .collect(Collectors.joining(", "));
        return String.format("%s ms (mean %.2f ms)", each, Arrays.stream(nanos).average().orElse(0) / 1e6);
    }
}
