// BUG: wraps Future.get's ExecutionException in a new one: the cause is an ExecutionException, not fn's exception.
// CAUGHT-BY: a call that throws makes map throw an ExecutionException whose cause is that exception
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
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new ExecutionException("a call failed", e);
                }
            }
            return results;
        }
    }
}
