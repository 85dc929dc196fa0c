package kit.grader.race;

/**
 * FastTrack's shadow of one shared variable (a field of one object, a static field, one array element, or one
 * {@code java.util} collection taken whole): the last write, and the reads since it - one epoch while the reads are
 * ordered, a vector clock once two threads read it without order between them. Each epoch keeps its
 * {@link Access}, so a race names both accesses. Guarded by its own monitor.
 */
final class VarState {
    /** The array element's index, or -1. */
    final int index;
    /** What the variable is, for a report ("ArrayDeque", "Object[]"), or null for a field (its sites say). */
    final String type;

    long write = Epoch.NONE;
    Access writeAccess;
    long read = Epoch.NONE;
    Access readAccess;
    /** Non-null while the reads are shared: per thread id, the clock of its last read, and that read. */
    VectorClock reads;
    Access[] readAccesses;

    VarState(int index, String type) {
        this.index = index;
        this.type = type;
    }
}
