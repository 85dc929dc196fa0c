package kit.grader.race;

/**
 * What an intercepted call is, as the instrumenter ({@code kit.grader.instrument}) classifies it (by the method it
 * names) and {@link Hooks} models it (also by the object it is called on). Shared by both as int constants, baked
 * into each call's bridge: the contract between the two.
 */
public final class Kind {
    private Kind() {}

    // Threads
    public static final int THREAD_START = 1;          // before: fork
    public static final int THREAD_JOIN = 2;           // after: joined if no longer alive
    public static final int THREAD_IS_ALIVE = 3;       // after: false = joined
    public static final int THREAD_GET_STATE = 4;      // after: TERMINATED = joined
    public static final int THREAD_INTERRUPT = 5;      // before: release the thread's interrupt clock
    public static final int INTERRUPT_CHECK = 6;       // after: acquire it (interrupted(), isInterrupted())
    public static final int SLEEP = 7;                 // only an InterruptedException matters
    public static final int THREAD_BODY = 8;           // Runnable arguments become thread bodies (Builder.start, ...)
    // Monitors
    public static final int WAIT = 10;                 // before: release the monitor; after: acquire it
    // Locks
    public static final int LOCK = 20;                 // after: acquire (lock(), lockInterruptibly())
    public static final int TRY_LOCK = 21;             // after: acquire if it returned true
    public static final int UNLOCK = 22;               // before: release
    public static final int NEW_CONDITION = 23;        // after: the condition belongs to the lock
    public static final int AWAIT = 24;                // before: release the condition's lock; after: acquire it
    public static final int READ_LOCK_VIEW = 25;       // after: the returned Lock is the read lock of the receiver
    public static final int WRITE_LOCK_VIEW = 26;      // after: the write lock
    // StampedLock
    public static final int ST_WRITE_LOCK = 30;
    public static final int ST_READ_LOCK = 31;
    public static final int ST_UNLOCK_WRITE = 32;
    public static final int ST_UNLOCK_READ = 33;
    public static final int ST_UNLOCK = 34;
    public static final int ST_OPTIMISTIC = 35;
    public static final int ST_VALIDATE = 36;
    public static final int ST_CONVERT_WRITE = 37;
    public static final int ST_CONVERT_READ = 38;
    public static final int ST_CONVERT_OPTIMISTIC = 39;
    public static final int ST_AS_READ_LOCK = 40;
    public static final int ST_AS_WRITE_LOCK = 41;
    public static final int ST_AS_READ_WRITE_LOCK = 42;
    // Atomics, field updaters and VarHandles
    public static final int AT_ACQUIRE = 50;           // a volatile or acquire read
    public static final int AT_RELEASE = 51;           // a volatile or release write
    public static final int AT_RMW = 52;               // both
    public static final int AT_PLAIN_GET = 53;         // a plain read of the atomic's value (an element: args[0])
    public static final int AT_PLAIN_SET = 54;
    public static final int NEW_UPDATER = 55;          // after: register (args: class, [class,] name)
    public static final int UP_ACQUIRE = 56;           // an updater's get: args[0] is the object
    public static final int UP_RELEASE = 57;
    public static final int UP_RMW = 58;
    public static final int FIND_VAR_HANDLE = 59;      // after: register (args: class, name)
    public static final int FIND_STATIC_VAR_HANDLE = 60;
    public static final int ARRAY_VAR_HANDLE = 61;
    public static final int VH_PLAIN_GET = 62;         // args: the coordinates
    public static final int VH_PLAIN_SET = 63;
    public static final int VH_ACQUIRE = 64;
    public static final int VH_RELEASE = 65;
    public static final int VH_RMW = 66;
    // Executors and other java.util.concurrent objects
    public static final int SUBMIT = 70;               // functional arguments become tasks; a Future is their end
    public static final int INVOKE_ALL = 71;           // args[0]: a collection of Callables, each a task
    public static final int JUC = 72;                  // acquire and release before, acquire after, on the receiver
    public static final int JUC_STATIC = 73;           // a static method: CompletableFuture's are on its family clock
    // java.util, java.io, java.lang
    public static final int UTIL_READ = 80;            // a call on a java.util object: reads it if a plain collection
    public static final int UTIL_WRITE = 81;
    public static final int UTIL_SYNC = 82;            // harness mode: only what synchronizes (a concurrent collection)
    public static final int SYNC_CALL = 83;            // an object that synchronizes inside (PrintStream, StringBuffer)
    public static final int ARRAYCOPY = 84;            // System.arraycopy: args src, srcPos, dest, destPos, length
    public static final int ARRAY_READ_ALL = 85;       // array.clone(), Arrays.copyOf(array, n): receiver or args[0]
    public static final int ARRAY_READ_RANGE = 86;     // Arrays.copyOfRange(array, from, to)
    public static final int ARRAY_WRITE_ALL = 87;      // Arrays.fill(array, v), Arrays.sort(array)
    public static final int ARRAY_WRITE_RANGE = 88;    // Arrays.fill(array, from, to, v)
    public static final int COLLECTION_ARGS = 89;      // a JDK method reading the collections passed to it
    public static final int COLLECTION_ARG0_WRITE = 90; // Collections.sort(list), addAll(c, ...): writes argument 0
    public static final int UTIL_VIEW = 91;            // reads, and returns an iterator or view of the same collection
    public static final int UTIL_ENTRY = 92;           // reads, and may return one of its Map.Entry objects
    public static final int UNMODELLED = 93;           // an API the detector cannot follow: it stops reporting

    /** Kinds whose hooks need the call's arguments. */
    public static boolean needsArgs(int kind) {
        return switch (kind) {
            case ST_UNLOCK, ST_VALIDATE, ST_CONVERT_WRITE, ST_CONVERT_READ, ST_CONVERT_OPTIMISTIC, ST_UNLOCK_WRITE,
                    ST_UNLOCK_READ, AT_PLAIN_GET, AT_PLAIN_SET, NEW_UPDATER, UP_ACQUIRE, UP_RELEASE, UP_RMW,
                    FIND_VAR_HANDLE, FIND_STATIC_VAR_HANDLE, VH_PLAIN_GET, VH_PLAIN_SET, VH_ACQUIRE, VH_RELEASE,
                    VH_RMW, ARRAYCOPY, ARRAY_READ_ALL, ARRAY_READ_RANGE, ARRAY_WRITE_ALL, ARRAY_WRITE_RANGE,
                    COLLECTION_ARGS, COLLECTION_ARG0_WRITE, UTIL_READ, UTIL_WRITE, UTIL_VIEW, UTIL_ENTRY, SUBMIT,
                    INVOKE_ALL -> true;
            default -> false;
        };
    }

    /** Kinds whose hooks need the call's result. */
    public static boolean needsResult(int kind) {
        return switch (kind) {
            case THREAD_IS_ALIVE, THREAD_GET_STATE, TRY_LOCK, NEW_CONDITION, READ_LOCK_VIEW, WRITE_LOCK_VIEW,
                    ST_WRITE_LOCK, ST_READ_LOCK, ST_OPTIMISTIC, ST_VALIDATE, ST_CONVERT_WRITE, ST_CONVERT_READ,
                    ST_CONVERT_OPTIMISTIC, ST_AS_READ_LOCK, ST_AS_WRITE_LOCK, ST_AS_READ_WRITE_LOCK, NEW_UPDATER,
                    FIND_VAR_HANDLE, FIND_STATIC_VAR_HANDLE, ARRAY_VAR_HANDLE, SUBMIT, INVOKE_ALL, JUC, UTIL_READ,
                    UTIL_WRITE, UTIL_SYNC, UTIL_VIEW, UTIL_ENTRY -> true;
            default -> false;
        };
    }

    /** True if the runtime can wrap a functional argument of this type (internal name) to follow its hand-off. */
    public static boolean wrappable(String type) {
        return Tasks.canWrap(type);
    }
}
