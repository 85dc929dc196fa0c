// BUG: calls append results to a plain ArrayList from several threads: completion order, and appends can race.
// CAUGHT-BY: results come back in input order
package parallelmap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

public final class ParallelExecutor {
    private ParallelExecutor() {}

    public static <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> fn, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (inputs.isEmpty()) {
            return new ArrayList<>();
        }
        AtomicBoolean failed = new AtomicBoolean();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, inputs.size()))) {
            List<R> results = new ArrayList<>();
            List<Future<?>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> {
                    if (failed.get()) {
                        return null;
                    }
                    try {
                        results.add(fn.apply(input));
                        return null;
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return results;
        }
    }
}
