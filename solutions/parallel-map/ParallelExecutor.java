package parallelmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Java's analogue of Python's {@code multiprocessing.Pool.map}, with threads: applies a function to every input on
 * at most {@code parallelism} threads at once and returns the results in input order.
 *
 * <p>The workers share two things: the index of the next input to take ({@link AtomicInteger}, so no index is taken
 * twice) and the first failure ({@link AtomicReference}, so every worker stops taking inputs once a call threw).
 * Each worker writes only its own slots of {@code results}, and {@link Thread#join()} makes those writes visible to
 * the caller, so the array needs no lock. If the caller is interrupted, the workers are interrupted too and stop
 * taking inputs, and map waits for them before it throws.
 */
public final class ParallelExecutor {
    private ParallelExecutor() {}

    public static <T, R> List<R> map(List<T> inputs, Function<? super T, ? extends R> fn, int parallelism)
            throws InterruptedException, ExecutionException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        Object[] results = new Object[inputs.size()];
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Runnable worker = () -> {
            int index;
            while (firstFailure.get() == null && !Thread.currentThread().isInterrupted()
                    && (index = nextIndex.getAndIncrement()) < results.length) {
                try {
                    results[index] = fn.apply(inputs.get(index));
                } catch (Throwable failure) {
                    firstFailure.compareAndSet(null, failure);
                }
            }
        };

        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(parallelism, results.length); i++) {
            workers.add(Thread.ofPlatform().name("parallel-map-" + i).start(worker));
        }
        joinAll(workers);

        if (firstFailure.get() != null) {
            throw new ExecutionException(firstFailure.get());
        }
        @SuppressWarnings("unchecked")
        List<R> inOrder = (List<R>) Arrays.asList(results);
        return new ArrayList<>(inOrder);
    }

    /** Waits for every worker; if the caller is interrupted, stops them first, so none outlives the call. */
    private static void joinAll(List<Thread> workers) throws InterruptedException {
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    try {
                        worker.join();
                    } catch (InterruptedException ignored) {
                        // keep waiting: returning while a worker still runs would leak it
                    }
                }
            }
            throw e;
        }
    }
}
