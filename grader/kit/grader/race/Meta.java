package kit.grader.race;

/**
 * What the detector keeps about one object (by identity, in a {@link WeakIdentityMap}): its synchronization clock
 * (as a monitor, a lock, a {@code java.util.concurrent} object, or a future's task), the shadows of its fields, array
 * elements or - for a {@code java.util} collection - of itself, and, for an iterator or view of a collection, that
 * collection's variable. Holds no reference to its object. Guarded by its own monitor. (What an object is - a lock's
 * view, a condition, a VarHandle - {@link Hooks} keeps for the JVM: the object may have been made before the watch.)
 */
final class Meta {
    private SyncVar sync;
    private SyncVar readers;
    private VarState[] slots;
    private SyncVar[] volatiles;

    /** An iterator, entry or view of a java.util collection: the collection's variable. */
    volatile VarState collection;

    private java.util.concurrent.locks.ReentrantLock stampGuard;

    /**
     * A StampedLock's guard over validate() and the write lock's acquisition, in the detector: an accepted
     * optimistic read is recorded while no writer that locked after the validate can have recorded its acquire.
     */
    synchronized java.util.concurrent.locks.ReentrantLock stampGuard() {
        if (stampGuard == null) {
            stampGuard = new java.util.concurrent.locks.ReentrantLock();
        }
        return stampGuard;
    }

    synchronized SyncVar sync() {
        if (sync == null) {
            sync = new SyncVar();
        }
        return sync;
    }

    /** Makes this object's clock {@code shared}: a future whose task's end it is, a view of a concurrent object. */
    synchronized void aliasSync(SyncVar shared) {
        sync = shared;
    }

    /** The clock of a read-write lock's readers (their unlocks; a writer's lock acquires it). */
    synchronized SyncVar readers() {
        if (readers == null) {
            readers = new SyncVar();
        }
        return readers;
    }

    /** The shadow of field {@code index}, or of array element {@code index} ({@code element}), or of a collection. */
    synchronized VarState slot(int index, boolean element, String type) {
        if (slots == null || index >= slots.length) {
            VarState[] more = new VarState[Math.max(index + 1, slots == null ? 4 : slots.length * 2)];
            if (slots != null) {
                System.arraycopy(slots, 0, more, 0, slots.length);
            }
            slots = more;
        }
        VarState slot = slots[index];
        if (slot == null) {
            slot = slots[index] = new VarState(element ? index : -1, type);
        }
        return slot;
    }

    synchronized SyncVar volatileField(int field) {
        if (volatiles == null || field >= volatiles.length) {
            SyncVar[] more = new SyncVar[Math.max(field + 1, volatiles == null ? 4 : volatiles.length * 2)];
            if (volatiles != null) {
                System.arraycopy(volatiles, 0, more, 0, volatiles.length);
            }
            volatiles = more;
        }
        SyncVar v = volatiles[field];
        if (v == null) {
            v = volatiles[field] = new SyncVar();
        }
        return v;
    }
}
