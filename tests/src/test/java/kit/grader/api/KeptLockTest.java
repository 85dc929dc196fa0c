package kit.grader.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KeptLock} on real threads: a lock held for good (by a thread that spins, or that sleeps inside it) is told
 * kept within about {@link KeptLock#KEPT}; a lock let go again and again, however often it is taken back, never is.
 */
class KeptLockTest {
    private static final long WATCH_MILLIS = 1500;
    private final List<Thread> started = new ArrayList<>();
    private volatile boolean over;

    @AfterEach
    void endTheThreads() throws InterruptedException {
        over = true;
        for (Thread thread : started) {
            thread.interrupt();
            thread.join(5000);
        }
    }

    private Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        started.add(thread);
        return thread;
    }

    /** Asks {@code lock.kept()} every 10 ms for up to {@link #WATCH_MILLIS}: true as soon as it says so. */
    private static boolean toldKept(KeptLock lock) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WATCH_MILLIS);
        while (System.nanoTime() < deadline) {
            if (lock.kept()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private Thread holdsWhileItSpins(Object monitor) throws InterruptedException {
        Thread holder = start("holder", () -> {
            synchronized (monitor) {
                while (!over) {
                    Thread.onSpinWait();
                }
            }
        });
        while (!Thread.holdsLock(monitor) && holder.getState() != Thread.State.RUNNABLE) {
            Thread.sleep(1);
        }
        Thread.sleep(20);
        return holder;
    }

    @Test
    void aMonitorHeldByAThreadThatSpinsIsKept() throws InterruptedException {
        Object monitor = new Object();
        Thread holder = holdsWhileItSpins(monitor);
        Thread waiter = start("waiter", () -> {
            synchronized (monitor) {
                Thread.onSpinWait();
            }
        });
        long start = System.nanoTime();
        assertTrue(toldKept(new KeptLock(waiter, holder)));
        assertTrue(System.nanoTime() - start >= KeptLock.KEPT.toNanos());
    }

    @Test
    void aReentrantLockHeldByAThreadThatSleepsInsideIsKept() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Thread holder = start("holder", () -> {
            lock.lock();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // the test is over
            } finally {
                lock.unlock();
            }
        });
        while (!lock.isLocked()) {
            Thread.sleep(1);
        }
        Thread waiter = start("waiter", lock::lock);
        assertTrue(toldKept(new KeptLock(waiter, holder)));
    }

    @Test
    void aLockLetGoAgainAndAgainIsNotKeptThoughTheHolderTakesItBackAtOnce() throws InterruptedException {
        Object monitor = new Object();
        long[] count = new long[1];
        Thread holder = start("holder", () -> {
            while (!over) {
                synchronized (monitor) {
                    for (int i = 0; i < 10_000; i++) {
                        count[0]++;
                    }
                }
            }
        });
        Thread waiter = start("waiter", () -> {
            while (!over) {
                synchronized (monitor) {
                    count[0]++;
                }
            }
        });
        assertFalse(toldKept(new KeptLock(waiter, holder)));
    }

    @Test
    void aWaiterThatDoesNotWaitForTheHoldersLockIsNotKept() throws InterruptedException {
        Object monitor = new Object();
        Thread holder = holdsWhileItSpins(monitor);
        Thread sleeper = start("sleeper", () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // the test is over
            }
        });
        assertFalse(toldKept(new KeptLock(sleeper, holder)));
    }
}
