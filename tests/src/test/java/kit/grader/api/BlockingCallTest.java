package kit.grader.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.locks.ReentrantLock;
import kit.checks.lockheld.Calls;
import org.junit.jupiter.api.Test;

/**
 * A call that waits for a lock an ended call kept is told at once (only the owner can unlock it); one that waits for
 * a lock a live thread holds for a while gets it.
 */
class BlockingCallTest {
    @Test
    void aLockKeptByAnEndedCallIsToldAtOnce() {
        long start = System.nanoTime();
        AssertionError told = assertThrows(AssertionError.class,
                () -> Calls.lockAfterAnEndedCallKeptIt(new ReentrantLock()));
        assertTrue(told.getMessage().contains("The call waits for a lock that \"caller\" holds, a call that has"
                + " ended"), told.getMessage());
        assertTrue(System.nanoTime() - start < Deadlines.STUCK.toNanos(), "told before the stuck rule's bound");
    }

    @Test
    void aLockThatALiveThreadHoldsForAWhileIsWaitedFor() throws InterruptedException {
        assertEquals("locked", Calls.lockWhileAThreadThatRunsKeepsItAWhile(new ReentrantLock()));
    }
}
