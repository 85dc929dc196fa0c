package kit.checks.parallelmap;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import kit.grader.api.Points;
import parallelmap.ParallelExecutor;

/**
 * Checks of {@link ParallelExecutor#map}. The functions they pass in record every call in a {@link CallLog} and
 * wait, where a check needs it, for a condition ("three calls run at once") with a deadline - so a map that runs
 * too few or too many calls at once is seen without any timing assumption, and nothing waits forever.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParallelMapTest {
    private static final Duration GRACE = Duration.ofSeconds(1);

    @Test
    @Order(1)
    @Points(2)
    @DisplayName("results come back in input order, not in the order the calls finish")
    void resultsInInputOrder() throws Exception {
        List<Integer> inputs = inputs(12);
        CallLog log = new CallLog(inputs.size());
        MapCall.Outcome outcome = MapCall.map(inputs, i -> {
            log.start(i);
            sleep(log, (3 - i % 4) * 30L); // in each group of four, the last input finishes first
            log.end();
            return "result " + i;
        }, 4);
        List<?> result = outcome.resultOrFail("map(inputs 0..11, parallelism 4)");
        List<String> expected = inputs.stream().map(i -> "result " + i).toList();
        verify(expected.equals(result), () -> "map(inputs 0..11, parallelism 4), where the later inputs of each "
                + "group of four finish first, returned\n  " + result + "\ninstead of\n  " + expected
                + "\nPosition i must hold the result for input i, whenever its call finishes: give each result its "
                + "input's index (e.g. an array slot or the i-th Future), not the next free place in a list.");
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("every input is passed to the function exactly once, and each result is that call's")
    void everyInputExactlyOnce() throws Exception {
        List<Integer> inputs = inputs(500);
        CallLog log = new CallLog(inputs.size());
        MapCall.Outcome outcome = MapCall.map(inputs, i -> {
            log.start(i);
            log.end();
            return i * 2;
        }, 3);
        List<?> result = outcome.resultOrFail("map(inputs 0..499, i -> i * 2, parallelism 3)");
        List<Integer> never = log.inputsCalled(times -> times == 0);
        List<Integer> again = log.inputsCalled(times -> times > 1);
        List<String> wrong = new ArrayList<>();
        if (!never.isEmpty()) {
            wrong.add("never called the function for " + first(never));
        }
        if (!again.isEmpty()) {
            wrong.add("called it more than once for " + first(again));
        }
        verify(wrong.isEmpty(), () -> "map(inputs 0..499, parallelism 3) " + String.join(" and ", wrong)
                + ". Every input must be "
                + "handed out exactly once - check how the inputs are split between threads (is a remainder left "
                + "over when 500 does not divide by 3?) and that two threads can never take the same one.");
        List<Integer> expected = inputs.stream().map(i -> i * 2).toList();
        verify(expected.equals(result), () -> {
            int at = firstDifference(expected, result);
            return "map(inputs 0..499, i -> i * 2, parallelism 3) returned " + (result == null ? "null"
                    : result.size() + " results; the first that differs is at position " + at + ": "
                            + elementAt(result, at) + " instead of " + elementAt(expected, at))
                    + ". The result list must have one result per input, in input order.";
        });
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("never runs more than `parallelism` calls at the same time")
    void neverMoreThanParallelism() throws Exception {
        for (int parallelism : new int[] {1, 3}) {
            List<Integer> inputs = inputs(9);
            CallLog log = new CallLog(inputs.size());
            MapCall.Outcome outcome = MapCall.map(inputs, i -> {
                log.start(i);
                // wait, so that a map that starts too many calls is caught with them running together
                log.awaitUntilAfterFirstStart(() -> log.maxActive() > parallelism, Duration.ofMillis(400));
                log.end();
                return i;
            }, parallelism);
            outcome.resultOrFail("map(9 inputs, parallelism " + parallelism + ")");
            int most = log.maxActive();
            verify(most <= parallelism, () -> "map(9 inputs, parallelism " + parallelism + ") ran at least " + most
                    + " calls at the same time; at most " + parallelism + " may run at once. Start only `parallelism` "
                    + "threads (or a pool of that size) and let each take input after input - not a thread per "
                    + "input.");
        }
    }

    @Test
    @Order(4)
    @Points(2)
    @DisplayName("runs `parallelism` calls at the same time when there are enough inputs")
    void reachesParallelism() throws Exception {
        int parallelism = 3;
        List<Integer> inputs = inputs(6);
        CallLog log = new CallLog(inputs.size());
        MapCall.Outcome outcome = MapCall.map(inputs, i -> {
            log.start(i);
            log.awaitUntilAfterFirstStart(() -> log.maxActive() >= parallelism, Duration.ofSeconds(2)); // three at once
            log.end();
            return i;
        }, parallelism);
        outcome.resultOrFail("map(6 inputs, parallelism 3)");
        int most = log.maxActive();
        verify(most >= parallelism, () -> "map(6 inputs, parallelism 3) ran at most " + most + " call(s) at the "
                + "same time: each call waited up to 2 s for three calls to be running together, and they never "
                + "were. With enough inputs, map must run `parallelism` calls at once, each on its own thread.");
    }

    @Test
    @Order(5)
    @Points(1)
    @DisplayName("a call that throws makes map throw an ExecutionException whose cause is that exception")
    void failureBecomesExecutionException() throws Exception {
        IllegalStateException bad = new IllegalStateException("input 3 is bad");
        MapCall.Outcome outcome = MapCall.map(inputs(6), i -> {
            if (i == 3) {
                throw bad;
            }
            return i;
        }, 2);
        String call = "map(inputs 0..5, parallelism 2), where the call for input 3 threw " + bad + ",";
        Throwable thrown = outcome.thrown();
        verify(thrown != null, () -> call + " returned " + outcome.result() + " instead of throwing. The "
                + "failure must not be swallowed: map throws an ExecutionException with it as the cause.");
        verify(thrown instanceof ExecutionException, () -> call + " threw " + thrown + " instead of an "
                + "ExecutionException (with the exception from the function as its cause).");
        verify(thrown.getCause() == bad, () -> call + " threw an ExecutionException whose cause is "
                + thrown.getCause() + (thrown.getCause() != null && thrown.getCause().getCause() == bad
                        ? ", which wraps the exception from the function a second time" : "") + ". Its cause must "
                + "be the very exception the function threw (from Future.get: take getCause() of its "
                + "ExecutionException, or rethrow that ExecutionException).");
    }

    @Test
    @Order(6)
    @Points(2)
    @DisplayName("after a call throws, map starts no further calls")
    void noCallsAfterFailure() throws Exception {
        CallLog log = new CallLog(10);
        MapCall.Outcome outcome = mapWhereInputZeroThrowsWhileInputOneRuns(log, 100);
        List<Integer> late = log.startedAfterFailure();
        verify(late.isEmpty(), () -> "map(inputs 0..9, parallelism 2): the call for input 0 threw while the call "
                + "for input 1 was running; after that, map still started the call(s) for input(s) " + late
                + ". Once a call has thrown, no further calls may start: the threads must check for a failure "
                + "before taking the next input (a pool's queued tasks still run unless they check).");
    }

    @Test
    @Order(7)
    @Points(1)
    @DisplayName("when a call throws, map waits for the calls still running before it throws")
    void waitsForRunningCallsOnFailure() throws Exception {
        CallLog log = new CallLog(6);
        MapCall.Outcome outcome = mapWhereInputZeroThrowsWhileInputOneRuns(log, 300);
        int running = log.active();
        long endedAfterwards = (log.lastEndNanos() - outcome.endNanos()) / 1_000_000;
        verify(running == 0 && endedAfterwards <= 0, () -> "map(inputs 0..5, parallelism 2): the call for input 0 "
                + "threw while the call for input 1 was running (it takes 300 ms and goes on when interrupted). "
                + "map threw its ExecutionException while " + (running > 0 ? running + " call(s) were still running"
                        : "a call was still running (it ended " + endedAfterwards + " ms later)") + ", so a thread "
                + "it started had not ended. Wait for the calls in progress (join the threads, or await the "
                + "executor's termination) before throwing.");
    }

    @Test
    @Order(8)
    @Points(2)
    @DisplayName("when map returns, every thread it started has ended")
    void threadsEndedAfterReturn() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        List<Integer> inputs = inputs(8);
        CallLog log = new CallLog(inputs.size());
        MapCall.Outcome outcome = MapCall.map(inputs, i -> {
            log.start(i);
            sleep(log, 20);
            log.end();
            return i;
        }, 3);
        outcome.resultOrFail("map(8 inputs, parallelism 3)");
        List<Thread> started = new ArrayList<>(log.threads());
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && !t.isDaemon() && !started.contains(t)).forEach(started::add);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (Thread thread : started) {
            thread.join(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
        }
        List<Thread> alive = started.stream().filter(Thread::isAlive).toList();
        verify(alive.isEmpty(), () -> "map(8 inputs, parallelism 3) returned, but " + alive.size() + " thread(s) it "
                + "started were still alive " + GRACE.toSeconds() + " s later: " + alive.stream()
                        .map(t -> "\"" + t.getName() + "\"").toList() + ". A thread (or pool) left running leaks "
                + "with every call. Before returning, join your threads, or shut the executor down and await "
                + "its termination.");
    }

    @Test
    @Order(9)
    @Points(1)
    @DisplayName("parallelism below 1 is rejected with an IllegalArgumentException")
    void rejectsParallelismBelowOne() throws Exception {
        for (int parallelism : new int[] {0, -1}) {
            CallLog log = new CallLog(3);
            MapCall.Outcome outcome = MapCall.map(inputs(3), i -> {
                log.start(i);
                log.end();
                return i;
            }, parallelism);
            verify(outcome.thrown() instanceof IllegalArgumentException, () -> "map(inputs 0..2, parallelism "
                    + parallelism + ") " + (outcome.thrown() == null ? "returned " + outcome.result()
                            : "threw " + outcome.thrown()) + " instead of throwing an IllegalArgumentException. "
                    + "Check the argument first, before starting anything.");
            verify(log.started() == 0, () -> "map(inputs 0..2, parallelism " + parallelism + ") called the "
                    + "function " + log.started() + " time(s) before rejecting the parallelism.");
        }
    }

    @Test
    @Order(10)
    @Points(1)
    @DisplayName("an empty input list gives an empty result list")
    void emptyInputs() throws Exception {
        for (int parallelism : new int[] {1, 4}) {
            MapCall.Outcome outcome = MapCall.map(List.<Integer>of(), Function.identity(), parallelism);
            List<?> result = outcome.resultOrFail("map(no inputs, parallelism " + parallelism + ")");
            verify(result != null && result.isEmpty(), () -> "map(no inputs, parallelism " + parallelism
                    + ") returned " + result + " instead of an empty list.");
        }
    }

    private static List<Integer> inputs(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    /** Sleeps inside a call; an interrupt from map does not cut it short (see {@link CallLog#awaitUntil}). */
    private static void sleep(CallLog log, long millis) {
        log.awaitUntil(() -> false, System.nanoTime() + millis * 1_000_000);
    }

    /** Fails the check with {@code message} (built only when needed). */
    private static void verify(boolean ok, Supplier<String> message) {
        if (!ok) {
            fail(message.get());
        }
    }

    private static String first(List<Integer> inputs) {
        return (inputs.size() == 1 ? "input " : inputs.size() + " inputs: ")
                + (inputs.size() > 10 ? inputs.subList(0, 10) + "..." : inputs.size() == 1 ? inputs.get(0) : inputs);
    }

    private static int firstDifference(List<?> expected, List<?> actual) {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        return i;
    }

    private static Object elementAt(List<?> list, int index) {
        return index < list.size() ? list.get(index) : "(no element: the list ends there)";
    }

    /**
     * map(inputs 0..n-1, parallelism 2) where the call for input 0 throws once the call for input 1 has started (so
     * no thread is between calls) and every other call takes {@code millisPerCall}; requires the ExecutionException.
     */
    private static MapCall.Outcome mapWhereInputZeroThrowsWhileInputOneRuns(CallLog log, int millisPerCall)
            throws Exception {
        List<Integer> inputs = inputs(log.size());
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        MapCall.Outcome outcome = MapCall.map(inputs, i -> {
            log.start(i);
            try {
                if (i == 0) {
                    log.awaitUntil(() -> log.started() >= 2, deadline);
                    log.failing();
                    throw new IllegalStateException("input 0 is bad");
                }
                sleep(log, millisPerCall);
                return i;
            } finally {
                log.end();
            }
        }, 2);
        verify(outcome.thrown() instanceof ExecutionException, () -> "map(inputs 0.." + (inputs.size() - 1)
                + ", parallelism 2), where the call for input 0 threw, " + (outcome.thrown() == null ? "returned "
                        + outcome.result() : "threw " + outcome.thrown()) + " instead of an ExecutionException.");
        return outcome;
    }
}
