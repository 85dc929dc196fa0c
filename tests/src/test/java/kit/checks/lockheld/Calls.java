package kit.checks.lockheld;

import java.util.concurrent.locks.ReentrantLock;
import kit.grader.api.BlockingCall;

/** Calls made as a check of an exercise "lockheld" makes them (BlockingCall reads the learner's package from it). */
public final class Calls {
    private Calls() {}

    /** One call locks {@code lock} and ends without unlocking it; then another call locks it. */
    public static Object lockAfterAnEndedCallKeptIt(ReentrantLock lock) {
        BlockingCall.runToEnd("the first call did not end", () -> {
            lock.lock();
            return null;
        });
        return BlockingCall.runToEnd("the second call waits for the lock the first one kept", () -> {
            lock.lock();
            return "locked";
        });
    }

    /** A call that locks {@code lock}, which the thread calling this holds and unlocks 300 ms later. */
    public static Object lockWhileAThreadThatRunsKeepsItAWhile(ReentrantLock lock) throws InterruptedException {
        lock.lock();
        BlockingCall<String> call = BlockingCall.start("waiter", () -> {
            lock.lock();
            lock.unlock();
            return "locked";
        });
        call.awaitWaiting("lock() while another thread holds the lock");
        Thread.sleep(300);
        lock.unlock();
        call.awaitEnd("the call never got the lock");
        return call.outcome();
    }
}
