package kit.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the checking JVMs of an exercise, as many at once as the grader has CPUs (fewer with
 * {@code KIT_GRADER_JVMS=n}): on two cores a Lincheck JVM and a JVM of real-thread checks run side by side. Pinned to
 * one CPU ({@code taskset -c 0}) they run one after another, as before.
 */
final class CheckJvms {
    static final String MAX_JVMS = "KIT_GRADER_JVMS";

    private CheckJvms() {}

    static void runAll(List<JvmGroup> groups, Consumer<JvmGroup> run) {
        int parallel = Math.min(groups.size(), maxAtOnce());
        if (parallel <= 1) {
            groups.forEach(run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> runs = new ArrayList<>();
            groups.forEach(group -> runs.add(pool.submit(() -> run.accept(group))));
            for (Future<?> each : runs) {
                each.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new GraderException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraderException("interrupted");
        } finally {
            pool.shutdownNow();
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
