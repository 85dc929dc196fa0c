// CORRECT: no volatile at all: the flag and the count are plain fields that every method reads and writes only while holding one ReentrantLock, taken for a moment per check and per count, never around the task
package stopflag;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Runs a task again and again until another thread calls {@link #stop()}; one lock guards both fields. */
public final class StoppableWorker implements Runnable {
    private final Runnable task;
    private final Lock lock = new ReentrantLock();
    private boolean stopped; // guarded by lock
    private long runs; // guarded by lock

    public StoppableWorker(Runnable task) {
        this.task = task;
    }

    @Override
    public void run() {
        while (!isStopped()) {
            task.run();
            lock.lock();
            try {
                runs++;
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /** Asks the worker to return after the task run in progress, if any. Callable from any thread. */
    public void stop() {
        lock.lock();
        try {
            stopped = true;
        } finally {
            lock.unlock();
        }
    }

    /** How many task runs have completed so far. Callable from any thread. */
    public long runs() {
        lock.lock();
        try {
            return runs;
        } finally {
            lock.unlock();
        }
    }
}
