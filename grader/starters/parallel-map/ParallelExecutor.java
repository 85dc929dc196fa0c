package parallelmap;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Java's counterpart of Python's {@code multiprocessing.Pool.map}, with threads instead of processes: applies a
 * function to every input, on up to {@code parallelism} threads at once, and returns the results in input order.
 *
 * <p>Read README.md for the task and the rules; grade it with {@code ./jbang grade parallel-map}.
 */
public final class ParallelExecutor {
    private ParallelExecutor() {}

    /**
     * Returns {@code fn} applied to each input, in the order of {@code inputs}.
     *
     * @throws IllegalArgumentException if {@code parallelism} is below 1
     * @throws ExecutionException if a call of {@code fn} threw (that exception is the cause)
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    public static <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> fn, int parallelism)
            throws InterruptedException, ExecutionException {
        throw new UnsupportedOperationException("TODO: implement map()");
    }
}
