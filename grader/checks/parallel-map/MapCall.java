package kit.checks.parallelmap;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import kit.grader.api.Deadlines;
import kit.grader.api.ThreadReport;
import parallelmap.ParallelExecutor;

/**
 * One call of the learner's {@code ParallelExecutor.map}, made on a daemon thread of its own so that a map that
 * hangs fails the check in bounded time (with a thread dump) instead of stopping the grader.
 */
final class MapCall {
    /** What map did: returned {@code result}, or threw {@code thrown}; {@code endNanos} is when it did so. */
    record Outcome(List<?> result, Throwable thrown, long endNanos) {
        /** The result list, failing the check with what happened if map threw instead. */
        List<?> resultOrFail(String call) {
            if (thrown != null) {
                fail(call + " threw " + thrown + " instead of returning the results.", thrown);
            }
            return result;
        }
    }

    private MapCall() {}

    static <T> Outcome map(List<T> inputs, Function<? super T, ?> fn, int parallelism) throws InterruptedException {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                List<?> result = ParallelExecutor.map(inputs, fn, parallelism);
                outcome.complete(new Outcome(result, null, System.nanoTime()));
            } catch (Throwable t) {
                outcome.complete(new Outcome(null, t, System.nanoTime()));
            }
        }, "calls-map");
        caller.setDaemon(true);
        caller.start();
        try {
            return outcome.get(Deadlines.CALL.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("map(" + inputs.size() + " inputs, parallelism " + parallelism + ") did not return within "
                    + Deadlines.CALL.toSeconds() + " s. What each thread was doing:\n"
                    + ThreadReport.describe());
        } catch (ExecutionException impossible) {
            throw new AssertionError(impossible);
        }
    }
}
