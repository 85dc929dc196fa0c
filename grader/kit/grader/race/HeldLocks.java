package kit.grader.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The locks a thread holds at one moment, innermost last: immutable, so that an access can keep the set it was
 * made under without copying it. A lock held twice (re-entered) appears twice.
 */
final class HeldLocks {
    static final HeldLocks NONE = new HeldLocks(new Lock[0]);

    /**
     * One held lock: {@code id} identifies the lock's synchronization object, {@code name} is what the learner calls
     * it ("lock", "ThreadSafeCounter.this", "the read lock of rw"); {@code shared} for a mode several threads hold at
     * once (a read lock), which orders nothing between its holders.
     */
    record Lock(long id, String name, boolean shared) {}

    private final Lock[] locks;

    private HeldLocks(Lock[] locks) {
        this.locks = locks;
    }

    HeldLocks with(long id, String name, boolean shared) {
        Lock[] more = Arrays.copyOf(locks, locks.length + 1);
        more[locks.length] = new Lock(id, name, shared);
        return new HeldLocks(more);
    }

    /** Without the innermost hold of lock {@code id} (unchanged if it is not held). */
    HeldLocks without(long id) {
        for (int i = locks.length - 1; i >= 0; i--) {
            if (locks[i].id() == id) {
                if (locks.length == 1) {
                    return NONE;
                }
                Lock[] fewer = new Lock[locks.length - 1];
                System.arraycopy(locks, 0, fewer, 0, i);
                System.arraycopy(locks, i + 1, fewer, i, locks.length - i - 1);
                return new HeldLocks(fewer);
            }
        }
        return this;
    }

    boolean isEmpty() {
        return locks.length == 0;
    }

    /** The distinct locks, outermost first, by name. */
    List<Lock> distinct() {
        List<Lock> distinct = new ArrayList<>();
        for (Lock lock : locks) {
            if (distinct.stream().noneMatch(l -> l.id() == lock.id())) {
                distinct.add(lock);
            }
        }
        return distinct;
    }

    /** The locks both hold (by identity). */
    List<Lock> common(HeldLocks other) {
        List<Lock> common = new ArrayList<>();
        for (Lock lock : distinct()) {
            if (other.distinct().stream().anyMatch(l -> l.id() == lock.id())) {
                common.add(lock);
            }
        }
        return common;
    }

    @Override
    public String toString() {
        return Arrays.toString(locks);
    }
}
