package kit.grader.race;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of one synchronization object (a monitor, a lock, a volatile field, an atomic, a task's hand-off): what
 * a thread that acquires it comes to know. Releasing joins the releaser's clock into it (never replaces: an
 * acquire after several releases is ordered after all of them, as for a volatile read after several writes).
 * Holds no reference to the object it stands for, so a weakly keyed map may hold it.
 */
final class SyncVar {
    private static final AtomicLong IDS = new AtomicLong();

    final long id = IDS.incrementAndGet();
    private VectorClock clock;

    synchronized void releaseFrom(VectorClock releaser) {
        if (clock == null) {
            clock = new VectorClock(releaser);
        } else {
            clock.joinWith(releaser);
        }
    }

    synchronized void acquireInto(VectorClock acquirer) {
        if (clock != null) {
            acquirer.joinWith(clock);
        }
    }

    @Override
    public synchronized String toString() {
        return "sync#" + id + (clock == null ? "[]" : clock.toString());
    }
}
