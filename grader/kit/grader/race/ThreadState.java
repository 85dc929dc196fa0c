package kit.grader.race;

/**
 * What the detector knows of one thread: its id and vector clock, the locks it holds, and whether its origin is
 * known - the root (the thread that began the watch), a thread whose start was seen, or a thread inside a task whose
 * hand-off was seen. Accesses made where the origin is not known are not recorded (they cannot be ordered against
 * anything the unseen start came after). Touched only by its own thread, except its clock once it has ended and been
 * joined.
 */
final class ThreadState {
    final Detector detector;
    final int tid;
    final String name;
    final VectorClock clock;
    /** Started where the detector saw it (or the root). */
    final boolean forked;
    /** How many wrapped tasks (seen hand-offs) this thread is running inside, innermost included. */
    int inTasks;
    HeldLocks locks = HeldLocks.NONE;
    /** Joined by a thread that saw it end: its id may be given to a new thread that knows all of its events. */
    boolean finished;

    /** The last access this thread recorded, reused while site and locks stay the same. */
    private Access lastRead;
    private Access lastWrite;

    /** An optimistic read section of a StampedLock: the reads made in it wait for validate(). */
    Optimistic optimistic;

    /** Learner classes whose initialization this thread is known to be ordered after, by class id. */
    private boolean[] classesSeen = new boolean[0];

    ThreadState(Detector detector, int tid, String name, VectorClock clock, boolean forked) {
        this.detector = detector;
        this.tid = tid;
        this.name = name;
        this.clock = clock;
        this.forked = forked;
    }

    boolean known() {
        return forked || inTasks > 0;
    }

    long epoch() {
        return Epoch.of(tid, clock.get(tid));
    }

    /** The next event of this thread comes after everything released so far. */
    void tick() {
        clock.set(tid, clock.get(tid) + 1);
    }

    Access access(int site, boolean write) {
        Access last = write ? lastWrite : lastRead;
        if (last != null && last.site() == site && last.locks() == locks) {
            return last;
        }
        Access access = new Access(site, name, locks, write);
        if (write) {
            lastWrite = access;
        } else {
            lastRead = access;
        }
        return access;
    }

    /** True the first time this thread asks about learner class {@code id}. */
    boolean firstUseOf(int classId) {
        if (classId >= classesSeen.length) {
            classesSeen = java.util.Arrays.copyOf(classesSeen, Math.max(classId + 1, classesSeen.length * 2));
        }
        if (classesSeen[classId]) {
            return false;
        }
        classesSeen[classId] = true;
        return true;
    }

    /** The reads of a StampedLock's optimistic section, recorded only if validate() accepts its stamp. */
    static final class Optimistic {
        static final int MAX_READS = 256;
        final SyncVar lock;
        final SyncVar readers;
        final long stamp;
        final String lockName;
        final VarState[] vars = new VarState[MAX_READS];
        final int[] sites = new int[MAX_READS];
        int count;
        boolean overflowed;

        Optimistic(SyncVar lock, SyncVar readers, long stamp, String lockName) {
            this.lock = lock;
            this.readers = readers;
            this.stamp = stamp;
            this.lockName = lockName;
        }

        void add(VarState var, int site) {
            if (count == MAX_READS) {
                overflowed = true;
            } else {
                vars[count] = var;
                sites[count++] = site;
            }
        }
    }
}
