package kit.checks.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import queue.ThreadSafeQueue;
import kit.grader.api.BlockingCall;
import kit.grader.api.Deadlines;
import kit.grader.api.JvmOptions;
import kit.grader.api.ThreadReport;
import kit.grader.api.Visibility;

/**
 * A consumer that waits, and what may end its wait: an item, a timeout, an interrupt. Each check first sees the
 * consumer waiting (its thread parked or in wait()), then acts - so the checks do not depend on timing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
// One carrier for virtual threads: the competition check's threads then run one at a time, each until it waits, so
// what a woken thread finds does not depend on the CPUs or the load (no other check here uses virtual threads).
@JvmOptions("-Djdk.virtualThreadScheduler.parallelism=1")
class QueueWaitingTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    /** poll's timeout in the competition check: long enough to be woken four times, short enough to wait for. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    /** Polls that wait at once: more than the items, so one is left waiting to the end whoever gets them. */
    private static final int POLLERS = 5;
    /** Items put and taken back, at 1/5, 2/5, 3/5 and 4/5 of the polls' timeout. */
    private static final int WAKE_UPS = 4;
    /**
     * How much sooner than its timeout a poll may give up: clocks of a millisecond (wait(millis), awaitUntil(Date))
     * may round a deadline down by one.
     */
    private static final Duration EARLY = Duration.ofMillis(20);
    /**
     * How much later than its timeout a poll may give up: a correct poll returns once its deadline has passed and it
     * gets a carrier, which on a busy machine (six gradings on two cores) takes milliseconds. One that starts its whole
     * timeout again after each wake-up returns 800 ms late (woken at 4/5 of it).
     */
    private static final Duration LATE = Duration.ofMillis(400);
    private static final Duration READER_WARM_UP = Duration.ofMillis(1500);
    private static final String COMPETITION = "Five threads called poll(1 s) on an empty queue. While they waited,"
            + " another thread put an item and at once took it back with poll(0 s), 4 times (at 200, 400, 600 and"
            + " 800 ms), before a poll it woke could run (the check runs these threads as virtual threads, one at a"
            + " time, so a woken thread waits for its turn): each put woke a waiting poll (signal), or all of them"
            + " (signalAll, notifyAll), which then found the queue empty again - it must wait on for the rest of its"
            + " timeout, and give up at 1 s. ";

    @Test
    @Order(1)
    @DisplayName("take waits on an empty queue and returns the item another thread puts later")
    @Points(2)
    void takeIsWokenByPut() {
        var queue = new ThreadSafeQueue<String>();
        var consumer = BlockingCall.start("consumer", queue::take);
        if (!consumer.awaitWaiting("take() on an empty queue")) {
            fail("take() on an empty queue " + BlockingCall.describe(consumer.outcome())
                    + " instead of waiting until an item arrives");
        }
        BlockingCall.runToEnd("put(\"x\") while a consumer waits", () -> {
            queue.put("x");
            return null;
        });
        consumer.awaitEnd("A consumer waited in take() on an empty queue; then another thread put \"x\". The consumer"
                + " was never woken up: put must signal (or notifyAll) the condition that take waits on - after"
                + " adding the item, while holding the same lock.");
        assertEquals("x", consumer.outcome(), "what the waiting take() returned after put(\"x\")");
    }

    @Test
    @Order(2)
    @DisplayName("poll waits for an item that another thread puts before the timeout")
    @Points(2)
    void pollIsWokenByPut() {
        var queue = new ThreadSafeQueue<String>();
        var consumer = BlockingCall.start("consumer", () -> queue.poll(LONG));
        if (!consumer.awaitWaiting("poll(60 s) on an empty queue")) {
            fail("poll(60 s) on an empty queue " + BlockingCall.describe(consumer.outcome()) + " at once: it must"
                    + " wait up to 60 s for an item to arrive");
        }
        BlockingCall.runToEnd("put(\"x\") while a consumer waits", () -> {
            queue.put("x");
            return null;
        });
        consumer.awaitEnd("A consumer waited in poll(60 s); then another thread put \"x\". The consumer was not woken"
                + " up: put must signal the condition that poll waits on too.");
        assertEquals(Optional.of("x"), consumer.outcome(), "what the waiting poll(60 s) returned after put(\"x\")");
    }

    @Test
    @Order(3)
    @DisplayName("after a poll timed out, other threads can still put and take (the lock was released)")
    @Points(2)
    void pollReleasesLockOnTimeout() {
        var queue = new ThreadSafeQueue<String>();
        Object polled = BlockingCall.runToEnd("poll(100 ms) on an empty queue did not return: it ignores its"
                + " timeout.", () -> queue.poll(Duration.ofMillis(100)));
        assertEquals(Optional.empty(), polled, "poll(100 ms) on an empty queue");
        assertPutAndTakeStillWork(queue, "a poll on another thread timed out");
    }

    @Test
    @Order(4)
    @DisplayName("take answers an interrupt with InterruptedException, and the queue still works afterwards")
    @Points(2)
    void takeIsInterruptible() {
        var queue = new ThreadSafeQueue<String>();
        expectInterruptible(queue, BlockingCall.start("consumer", queue::take), "take()");
    }

    @Test
    @Order(5)
    @DisplayName("poll answers an interrupt with InterruptedException, and the queue still works afterwards")
    @Points(2)
    void pollIsInterruptible() {
        var queue = new ThreadSafeQueue<String>();
        expectInterruptible(queue, BlockingCall.start("consumer", () -> queue.poll(LONG)), "poll(60 s)");
    }

    @Test
    @Order(6)
    @DisplayName("poll keeps to its timeout while other threads take the items it is woken for: it gives up neither"
            + " before its timeout nor much after it (5 polls of 1 s, 4 items put and taken back)")
    @Points(3)
    void pollKeepsItsTimeoutUnderCompetition() throws InterruptedException {
        var queue = new ThreadSafeQueue<Integer>();
        long start = System.nanoTime();
        List<CompletableFuture<Object>> polls = new ArrayList<>();
        List<Thread> pollers = new ArrayList<>();
        for (int i = 1; i <= POLLERS; i++) {
            CompletableFuture<Object> poll = new CompletableFuture<>();
            pollers.add(Thread.ofVirtual().name("poller-" + i).start(() -> poll.complete(timedPoll(queue))));
            polls.add(poll);
        }
        awaitWaiting(pollers, polls);
        CompletableFuture<Object> putter = new CompletableFuture<>();
        Thread.ofVirtual().name("putter").start(() -> putter.complete(putAndTakeBack(queue, start)));
        Object putterOutcome = outcomeWithin(putter, Deadlines.CALL);
        if (putterOutcome instanceof Throwable thrown) {
            fail(COMPETITION + "The thread that put and took back the items " + BlockingCall.describe(thrown));
        }
        for (int i = 0; i < POLLERS; i++) {
            String poller = "poller-" + (i + 1);
            long left = start + POLL_TIMEOUT.multipliedBy(3).toNanos() - System.nanoTime();
            Object outcome = outcomeWithin(polls.get(i), Duration.ofNanos(Math.max(0, left)));
            if (outcome == null) {
                fail(COMPETITION + poller + "'s poll(1 s) had not returned 3 s after it was called: it waits far"
                        + " longer than its timeout. Fix the deadline once, before the loop, and wait only for the"
                        + " time left until it.\nWhat the threads were doing:\n" + ThreadReport.describe("queue"));
            }
            if (!(outcome instanceof TimedPoll timed)) {
                fail(COMPETITION + poller + "'s poll(1 s) " + BlockingCall.describe(outcome));
                return;
            }
            if (timed.got().isPresent()) {
                continue; // it got an item before the putting thread took it back (a fair lock): nothing to judge
            }
            long millis = timed.nanos() / 1_000_000;
            if (millis < POLL_TIMEOUT.minus(EARLY).toMillis()) {
                fail(COMPETITION + poller + "'s poll(1 s) returned Optional.empty() after " + millis + " ms, long"
                        + " before its timeout. A wake-up is not a timeout: after await/wait returns, check the"
                        + " queue again and, while it is empty, wait for the time left (awaitNanos returns it;"
                        + " with wait(millis), compute it from a deadline fixed before the loop). Give up only"
                        + " once the whole timeout has passed.");
            }
            if (millis > POLL_TIMEOUT.plus(LATE).toMillis()) {
                fail(COMPETITION + poller + "'s poll(1 s) returned Optional.empty() after " + millis + " ms, "
                        + (millis - POLL_TIMEOUT.toMillis()) + " ms after its timeout: it seems to start its"
                        + " whole timeout again after each wake-up. Fix the deadline once, before the loop, and"
                        + " wait only for the time left until it (awaitNanos returns it).");
            }
        }
    }

    @Test
    @Order(7)
    @DisplayName("size() read in a loop by another thread sees a put, also once the JIT has compiled the reader")
    @Points(2)
    @TimeLimit(cpuSeconds = TimeLimit.NO_CPU_LIMIT) // it spins by design (a reader warmed up by the JIT)
    void sizeSeesOtherThreadsPut() throws InterruptedException {
        var queue = new ThreadSafeQueue<String>();
        if (!Visibility.readerSeesWrite("put(\"x\") while another thread calls size() in a loop", READER_WARM_UP,
                () -> queue.size() == 0, () -> queue.put("x"))) {
            fail("A thread calling size() in a loop never saw the size change from 0 (still 0 after "
                    + Deadlines.SEEN.toSeconds() + " s), although another thread had called put(\"x\"). size()"
                    + " reads the items without the lock, so the JIT may read them once, before the reader's loop, and"
                    + " reuse that number forever: nothing tells it another thread changes them. Read under the lock"
                    + " that put and take hold (or return a volatile count that they keep).");
        }
    }

    /** What one poll(1 s) returned, and how long it took (on its own thread, from just before the call). */
    private record TimedPoll(Optional<Integer> got, long nanos) {}

    /** One poll(1 s), timed on its own thread from just before the call; or what it threw. */
    private static Object timedPoll(ThreadSafeQueue<Integer> queue) {
        try {
            long start = System.nanoTime();
            Optional<Integer> got = queue.poll(POLL_TIMEOUT);
            return new TimedPoll(got, System.nanoTime() - start);
        } catch (Throwable thrown) {
            return thrown;
        }
    }

    /**
     * At 1/5, 2/5, 3/5 and 4/5 of the polls' timeout: puts an item and at once takes it back with poll(0 s). It runs on
     * the one carrier of this JVM's virtual threads, as the polls do, so a poll it wakes runs only once it has taken
     * the item back and waits for the next turn; holding the queue's own monitor meanwhile keeps a synchronized queue
     * just as closed where virtual threads in wait() get carriers of their own (JDK 21).
     */
    private static Object putAndTakeBack(ThreadSafeQueue<Integer> queue, long start) {
        try {
            for (int item = 1; item <= WAKE_UPS; item++) {
                sleepUntil(start + item * POLL_TIMEOUT.toNanos() / (WAKE_UPS + 1));
                synchronized (queue) {
                    queue.put(item);
                    queue.poll(Duration.ZERO);
                }
            }
            return null;
        } catch (Throwable thrown) {
            return thrown;
        }
    }

    /** Waits until every poller waits (parked, or in wait()); fails if one returned first, or none waits in time. */
    private static void awaitWaiting(List<Thread> pollers, List<CompletableFuture<Object>> polls)
            throws InterruptedException {
        long deadline = System.nanoTime() + Deadlines.CALL.toNanos();
        for (int i = 0; i < pollers.size(); i++) {
            while (pollers.get(i).getState() != Thread.State.WAITING
                    && pollers.get(i).getState() != Thread.State.TIMED_WAITING) {
                if (polls.get(i).isDone()) {
                    fail("poll(1 s) on an empty queue " + BlockingCall.describe(polls.get(i).join() instanceof TimedPoll
                            timed ? timed.got() : polls.get(i).join()) + " at once: it must wait up to 1 s for an"
                            + " item to arrive");
                }
                if (System.nanoTime() > deadline) {
                    fail("poll(1 s) on an empty queue neither returned nor waited within " + Deadlines.CALL.toSeconds()
                            + " s. What the threads were doing:\n" + ThreadReport.describe("queue"));
                }
                Thread.sleep(1);
            }
        }
    }

    /** The outcome, or null if it has not come within {@code timeout}. */
    private static Object outcomeWithin(CompletableFuture<Object> outcome, Duration timeout)
            throws InterruptedException {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException impossible) {
            return impossible.getCause();
        } catch (TimeoutException e) {
            return null;
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("the check was interrupted", e);
            }
        }
    }

    private static void expectInterruptible(ThreadSafeQueue<String> queue, BlockingCall<?> consumer, String call) {
        if (!consumer.awaitWaiting(call + " on an empty queue")) {
            fail(call + " on an empty queue " + BlockingCall.describe(consumer.outcome())
                    + " instead of waiting for an item");
        }
        consumer.interrupt();
        consumer.awaitEnd("A consumer waited in " + call + " on an empty queue and was interrupted; it is still"
                + " waiting. An interrupt asks a thread to stop what it waits for: let the InterruptedException that"
                + " await()/wait() throw propagate out of " + call + " (do not catch it and wait again).");
        assertInstanceOf(InterruptedException.class, consumer.outcome(), call + " on an empty queue, interrupted while"
                + " waiting, " + BlockingCall.describe(consumer.outcome())
                + ": it must throw InterruptedException, so the caller learns that it was interrupted");
        assertPutAndTakeStillWork(queue, "a consumer was interrupted in " + call);
    }

    private static void assertPutAndTakeStillWork(ThreadSafeQueue<String> queue, String after) {
        Object taken = BlockingCall.runToEnd("After " + after + ", put(\"y\") and take() on another thread did not"
                + " finish: the lock is still held by the thread that left " + "(release it in a finally block,"
                + " or use synchronized).", () -> {
                    queue.put("y");
                    return queue.take();
                });
        assertEquals("y", taken, "take() after put(\"y\"), once " + after);
    }
}
