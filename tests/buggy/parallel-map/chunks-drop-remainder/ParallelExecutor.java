// BUG: splits the inputs into `parallelism` chunks of size/parallelism each: the remainder is never mapped.
// CAUGHT-BY: every input is passed to the function exactly once
package parallelmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

public final class ParallelExecutor {
    private ParallelExecutor() {}

    public static <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> fn, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        Object[] results = new Object[inputs.size()];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int chunk = inputs.size() / parallelism;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < parallelism; t++) {
            int from = t * chunk;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = from; i < from + chunk && failure.get() == null; i++) {
                    try {
                        results[i] = fn.apply(inputs.get(i));
                    } catch (RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
        @SuppressWarnings("unchecked")
        List<R> inOrder = (List<R>) Arrays.asList(results);
        return new ArrayList<>(inOrder);
    }
}
