// BUG: sizes the pool min(parallelism, inputs): with no inputs a pool of 0 threads, which throws an exception.
// CAUGHT-BY: an empty input list gives an empty result list
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
        AtomicBoolean failed = new AtomicBoolean();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, inputs.size()))) {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(pool.submit(() -> {
                    if (failed.get()) {
                        return null;
                    }
                    try {
                        return fn.apply(input);
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
