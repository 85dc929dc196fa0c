import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the chapter says you would have to write without a condition object: a lock and a sleep. The consumer looks,
 * and if the queue is empty it sleeps for a fixed time and looks again. It is correct - nothing is lost - but it
 * cannot be both prompt and cheap: a short sleep wakes the consumer again and again to find nothing, a long sleep
 * leaves items waiting. Do not use it; it is here to be measured against ThreadSafeQueue.
 */
final class SleepPollingQueue<T> {
    private final Lock lock = new ReentrantLock();
    private final ArrayDeque<T> items = new ArrayDeque<>();

    void put(T item) {
        lock.lock();
        try {
            items.addLast(item);
        } finally {
            lock.unlock();
        }
    }

    /** Removes the head, looking every {@code pollInterval} until there is one. */
    T take(Duration pollInterval) throws InterruptedException {
        while (true) {
            lock.lock();
            try {
                if (!items.isEmpty()) {
                    return items.removeFirst();
                }
            } finally {
                lock.unlock();
            }
            Thread.sleep(pollInterval); // never sleep holding the lock: the producer could not put meanwhile
        }
    }
}
