package kit.grader.host;

import kit.grader.layout.GraderException;
import kit.grader.layout.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The grader's CPUs, shared by every exercise of a run: as many check JVMs (or compilations in the grader's own JVM)
 * at once as the grader has CPUs (fewer with {@code KIT_GRADER_JVMS=n}). On two cores a Lincheck JVM and a JVM of
 * real-thread checks run side by side, or one exercise's compilation beside another's last JVM. Pinned to one CPU
 * ({@code taskset -c 0}) everything runs one after another, so the real-thread checks' timing is not disturbed.
 */
public final class CpuSlots {
    static final String MAX_JVMS = "KIT_GRADER_JVMS";
    private final int atOnce = maxAtOnce();
    private final Semaphore cpus = new Semaphore(atOnce, true);

    /** How many JVMs (or compilations) run at once. */
    int atOnce() {
        return atOnce;
    }

    /** Does {@code work} once a CPU is free, holding it meanwhile. */
    <T> T onCpu(Supplier<T> work) {
        try {
            cpus.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraderException("interrupted");
        }
        try {
            return work.get();
        } finally {
            cpus.release();
        }
    }

    /** Runs every group, each in a JVM on a CPU of its own; returns when all are done. */
    void runAll(List<JvmGroup> groups, Consumer<JvmGroup> run) {
        Consumer<JvmGroup> onCpu = group -> onCpu(() -> {
            run.accept(group);
            return group;
        });
        int parallel = Math.min(groups.size(), atOnce);
        if (parallel <= 1) {
            groups.forEach(onCpu);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> runs = new ArrayList<>();
            groups.forEach(group -> runs.add(pool.submit(() -> onCpu.accept(group))));
            join(runs);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for each of {@code futures} in turn: their results, or the first one's exception. */
    public static <T> List<T> join(List<? extends Future<? extends T>> futures) {
        List<T> results = new ArrayList<>();
        try {
            for (Future<? extends T> each : futures) {
                results.add(each.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new GraderException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraderException("interrupted");
        }
    }

    private static int maxAtOnce() {
        String value = System.getenv(MAX_JVMS);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new UsageException(MAX_JVMS + "=" + value + ": give a number of JVMs, e.g. 1");
        }
    }
}
