package kit.grader.race;

/**
 * FastTrack's epoch: one event of one thread, {@code clock@tid}, packed in a long (thread id in the high half, the
 * thread's clock in the low half). 0 is "no event".
 */
final class Epoch {
    static final long NONE = 0;

    private Epoch() {}

    static long of(int tid, int clock) {
        return ((long) tid << 32) | (clock & 0xffffffffL);
    }

    static int tid(long epoch) {
        return (int) (epoch >>> 32);
    }

    static int clock(long epoch) {
        return (int) epoch;
    }

    static String toString(long epoch) {
        return epoch == NONE ? "none" : clock(epoch) + "@" + tid(epoch);
    }
}
