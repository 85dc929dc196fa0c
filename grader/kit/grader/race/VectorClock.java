package kit.grader.race;

import java.util.Arrays;

/**
 * A vector clock: for each thread id, the last of that thread's events this clock knows of (0: none). Grows on
 * demand; not thread-safe (a thread's own clock is touched only by that thread, a {@link SyncVar}'s under its lock).
 */
final class VectorClock {
    private int[] clocks;

    VectorClock() {
        clocks = new int[4];
    }

    VectorClock(VectorClock other) {
        clocks = other.clocks.clone();
    }

    int get(int tid) {
        return tid < clocks.length ? clocks[tid] : 0;
    }

    void set(int tid, int value) {
        if (tid >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(tid + 1, clocks.length * 2));
        }
        clocks[tid] = value;
    }

    /** This clock becomes the element-wise maximum of itself and {@code other}. */
    void joinWith(VectorClock other) {
        int[] theirs = other.clocks;
        if (theirs.length > clocks.length) {
            clocks = Arrays.copyOf(clocks, theirs.length);
        }
        for (int i = 0; i < theirs.length; i++) {
            if (theirs[i] > clocks[i]) {
                clocks[i] = theirs[i];
            }
        }
    }

    /** True if the event {@code epoch} is known to this clock (happened before the point it stands for). */
    boolean knows(long epoch) {
        return Epoch.clock(epoch) <= get(Epoch.tid(epoch));
    }

    /** True if every entry of this clock is at most the entry of {@code other}. */
    boolean atMost(VectorClock other) {
        for (int i = 0; i < clocks.length; i++) {
            if (clocks[i] > other.get(i)) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return clocks.length;
    }

    @Override
    public String toString() {
        return Arrays.toString(clocks);
    }
}
