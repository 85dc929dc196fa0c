package kit.grader.race;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.StampedLock;

/**
 * What the instrumented classes call (the instrumenter inserts the calls; nothing else should): every access,
 * synchronization and hand-off the learner's code makes, mapped onto the {@link Detector} of the current
 * {@link Watch}. With no watch on, each returns at once.
 *
 * <p>Calls of the JDK's APIs reach {@link #before}, {@link #after} and {@link #thrown} from a small bridge method the
 * instrumenter writes beside the call, with the call's {@link Kind}.
 */
public final class Hooks {
    static volatile Watch current;

    /** Plain java.util collections: each method call reads or writes the whole object (exact classes only). */
    private static final Set<String> PLAIN_COLLECTIONS = Set.of("java.util.ArrayList", "java.util.LinkedList",
            "java.util.ArrayDeque", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeMap", "java.util.TreeSet", "java.util.PriorityQueue",
            "java.util.IdentityHashMap", "java.util.WeakHashMap", "java.util.EnumMap", "java.util.BitSet");

    /** java.util classes that synchronize inside, on themselves (a synchronized wrapper: on its mutex, itself). */
    private static final Set<String> SYNCHRONIZED_UTIL = Set.of("java.util.Vector", "java.util.Stack",
            "java.util.Hashtable", "java.util.Properties", "java.util.Random");

    /**
     * What an object was seen to be, whenever it was made - also before the watch began, as the objects a check
     * makes before its threads start: a condition's lock, a lock view's read-write lock, a VarHandle's field. Kept
     * for the JVM, weakly on both sides (a view's lock refers to the view).
     */
    private static final WeakIdentityMap<WeakReference<Object>> CONDITIONS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<View> VIEWS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<WeakReference<Object>> STAMPED_READ_WRITE = new WeakIdentityMap<>();
    private static final WeakIdentityMap<Handle> HANDLES = new WeakIdentityMap<>();

    /** A read or write lock of {@code lock} (a ReadWriteLock or a StampedLock). */
    private record View(WeakReference<Object> lock, boolean read) {}

    /** A VarHandle or updater of field {@code field} (-1: array elements); {@code staticOwner} for a static field. */
    private record Handle(int field, Class<?> staticOwner) {}

    private Hooks() {}

    // ---- registration (each instrumented class's static initializer) ----

    public static void register(String table) {
        Sites.register(table);
    }

    /** The end of a learner class's initialization: every thread that uses the class later is ordered after it. */
    public static void classInitialized(Class<?> c) {
        Watch w = current;
        if (w != null) {
            w.detector.release(w.state(), w.meta(c).sync());
        }
    }

    /**
     * Before the first use of learner class {@code c} by this thread (new, a static field or method): the JVM
     * orders it after the class's initialization (JLS 12.4.2), which may have been done by another thread.
     */
    public static void firstUse(Class<?> c, int classId) {
        Watch w = current;
        if (w == null) {
            return;
        }
        ThreadState t = w.state();
        if (!t.firstUseOf(classId)) {
            return;
        }
        try {
            Class.forName(c.getName(), true, c.getClassLoader()); // waits for another thread's initialization
        } catch (ClassNotFoundException | LinkageError e) {
            return; // the instruction itself will throw
        }
        for (Class<?> k = c; k != null && Sites.classId(k.getName()) >= 0; k = k.getSuperclass()) {
            w.detector.acquire(t, w.meta(k).sync());
        }
    }

    // ---- fields and array elements ----

    public static void read(Object owner, int field, int site) {
        Watch w = current;
        if (w != null) {
            ThreadState t = w.state();
            if (t.known()) {
                w.detector.read(t, w.meta(owner).slot(field, false, null), site);
            }
        }
    }

    public static void write(Object owner, int field, int site) {
        Watch w = current;
        if (w != null) {
            ThreadState t = w.state();
            if (t.known()) {
                w.detector.write(t, w.meta(owner).slot(field, false, null), site);
            }
        }
    }

    public static void readElement(Object array, int index, int site) {
        Watch w = current;
        if (w != null && array != null) {
            ThreadState t = w.state();
            if (t.known() && index >= 0 && index < java.lang.reflect.Array.getLength(array)) {
                w.detector.read(t, w.meta(array).slot(index, true, arrayType(array)), site);
            }
        }
    }

    public static void writeElement(Object array, int index, int site) {
        Watch w = current;
        if (w != null && array != null) {
            ThreadState t = w.state();
            if (t.known() && index >= 0 && index < java.lang.reflect.Array.getLength(array)) {
                w.detector.write(t, w.meta(array).slot(index, true, arrayType(array)), site);
            }
        }
    }

    private static String arrayType(Object array) {
        return array.getClass().getComponentType().getSimpleName() + "[]";
    }

    /** After a read of a volatile field ({@code owner}: the object, or the class of a static field). */
    public static void volatileRead(Object owner, int field) {
        Watch w = current;
        if (w != null) {
            w.detector.acquire(w.state(), w.meta(owner).volatileField(field));
        }
    }

    /** Before a write of a volatile field. */
    public static void volatileWrite(Object owner, int field) {
        Watch w = current;
        if (w != null) {
            w.detector.release(w.state(), w.meta(owner).volatileField(field));
        }
    }

    // ---- monitors ----

    /** After entering {@code lock}'s monitor (a synchronized block or method); {@code nameSite} names it. */
    public static void monitorEnter(Object lock, int nameSite) {
        Watch w = current;
        if (w != null) {
            w.detector.lockAcquired(w.state(), w.meta(lock).sync(), Sites.get(nameSite).variable(), false);
        }
    }

    /** Before leaving {@code lock}'s monitor, normally or by an exception. */
    public static void monitorExit(Object lock) {
        Watch w = current;
        if (w != null) {
            w.detector.lockReleased(w.state(), w.meta(lock).sync());
        }
    }

    // ---- constructors ----

    /** Wraps {@code fn}, an argument of type {@code type} (internal name) of a call or constructor of that kind. */
    public static Object wrap(Object fn, String type, int kind, Object receiver, int site) {
        Watch w = current;
        if (w == null || fn == null || fn instanceof Tasks.Wrapper) {
            return fn;
        }
        ThreadState t = w.state();
        HandOff h;
        switch (kind) {
            case Kind.THREAD_BODY -> h = new HandOff(w, null, null, false);
            case Kind.SUBMIT, Kind.INVOKE_ALL -> h = new HandOff(w, new SyncVar(),
                    receiver == null ? null : syncOf(w, receiver), false);
            case Kind.JUC, Kind.JUC_STATIC -> h = new HandOff(w, null, kind == Kind.JUC_STATIC ? w.completableFutures
                    : syncOf(w, receiver), true);
            case Kind.UTIL_READ, Kind.UTIL_WRITE, Kind.UTIL_VIEW, Kind.UTIL_ENTRY, Kind.UTIL_SYNC -> {
                if (receiver == null || !synchronizesInside(receiver)) {
                    return fn; // a plain collection runs it in the caller's thread, under no lock of its own
                }
                h = new HandOff(w, null, syncOf(w, receiver), true);
            }
            default -> {
                return fn;
            }
        }
        Object wrapped = Tasks.wrap(type, fn, h);
        if (wrapped == null) {
            if (isInstrumented(fn.getClass())) {
                w.detector.unmodelled(describe(site) + " hands your code to " + type.replace('/', '.')
                        + ", which the detector cannot follow");
            }
            return fn;
        }
        w.detector.release(t, h.start);
        if (kind == Kind.SUBMIT && receiver == null) {
            LAST_TASK.set(h);
        }
        return wrapped;
    }

    /** Wraps each Callable of an invokeAll/invokeAny collection. */
    public static Object wrapAll(Object tasks, int kind, Object receiver, int site) {
        if (current == null || !(tasks instanceof Collection<?> collection)) {
            return tasks;
        }
        List<Object> wrapped = new ArrayList<>();
        for (Object task : collection) {
            wrapped.add(wrap(task, "java/util/concurrent/Callable", kind, receiver, site));
        }
        return wrapped;
    }

    private static final ThreadLocal<HandOff> LAST_TASK = new ThreadLocal<>();

    /** After {@code new FutureTask<>(callable)}: the future stands for the end of the task just wrapped. */
    public static void constructed(Object object) {
        Watch w = current;
        HandOff h = LAST_TASK.get();
        LAST_TASK.remove();
        if (w != null && h != null && h.watch == w && object instanceof Future<?>) {
            w.meta(object).aliasSync(h.end);
        }
    }

    /** Reads of the plain collections among the arguments of a JDK constructor ({@code new ArrayList<>(items)}). */
    public static void collectionArg(Object arg, int site) {
        Watch w = current;
        if (w != null) {
            access(w, w.state(), arg, false, site);
        }
    }

    // ---- calls, through bridges ----

    public static void before(int kind, Object receiver, Object[] args, int site) {
        Watch w = current;
        if (w == null) {
            return;
        }
        ThreadState t = w.state();
        Detector d = w.detector;
        switch (kind) {
            case Kind.THREAD_START -> w.fork(t, (Thread) receiver);
            case Kind.THREAD_INTERRUPT -> d.release(t, w.meta(receiver).sync());
            case Kind.WAIT -> d.release(t, w.meta(receiver).sync());
            case Kind.UNLOCK -> unlock(w, t, receiver, true);
            case Kind.AWAIT -> {
                Object lock = conditionLock(receiver);
                if (lock == null) {
                    d.unmodelled(describe(site) + " waits on a Condition whose lock the detector did not see made");
                } else {
                    unlock(w, t, lock, false);
                }
            }
            case Kind.ST_UNLOCK_WRITE -> stampedUnlock(w, t, receiver, true);
            case Kind.ST_UNLOCK_READ -> stampedUnlock(w, t, receiver, false);
            case Kind.ST_UNLOCK -> {
                long stamp = (Long) args[0];
                if (StampedLock.isWriteLockStamp(stamp)) {
                    stampedUnlock(w, t, receiver, true);
                } else if (StampedLock.isReadLockStamp(stamp)) {
                    stampedUnlock(w, t, receiver, false);
                }
            }
            case Kind.ST_VALIDATE, Kind.ST_CONVERT_WRITE, Kind.ST_CONVERT_READ -> w.meta(receiver).stampGuard().lock();
            case Kind.ST_CONVERT_OPTIMISTIC -> {
                long stamp = (Long) args[0];
                if (StampedLock.isWriteLockStamp(stamp)) {
                    stampedUnlock(w, t, receiver, true);
                } else if (StampedLock.isReadLockStamp(stamp)) {
                    stampedUnlock(w, t, receiver, false);
                }
            }
            case Kind.AT_RELEASE, Kind.AT_RMW -> d.release(t, w.meta(receiver).sync());
            case Kind.AT_PLAIN_GET, Kind.AT_PLAIN_SET -> {
                if (t.known()) {
                    boolean element = receiver instanceof AtomicIntegerArray || receiver instanceof AtomicLongArray
                            || receiver instanceof AtomicReferenceArray<?>;
                    VarState var = w.meta(receiver).slot(element ? (Integer) args[0] : 0, element,
                            receiver.getClass().getSimpleName());
                    if (kind == Kind.AT_PLAIN_GET) {
                        d.read(t, var, site);
                    } else {
                        d.write(t, var, site);
                    }
                }
            }
            case Kind.UP_RELEASE, Kind.UP_RMW -> {
                SyncVar var = updaterVar(w, receiver, args, site);
                if (var != null) {
                    d.release(t, var);
                }
            }
            case Kind.VH_PLAIN_GET, Kind.VH_PLAIN_SET -> varHandleAccess(w, t, kind, receiver, args, site);
            case Kind.VH_RELEASE, Kind.VH_RMW -> {
                SyncVar var = varHandleVar(w, receiver, args, site);
                if (var != null) {
                    d.release(t, var);
                }
            }
            case Kind.SUBMIT, Kind.INVOKE_ALL, Kind.JUC -> d.release(t, syncOf(w, receiver));
            case Kind.JUC_STATIC -> d.release(t, w.completableFutures);
            case Kind.UTIL_READ, Kind.UTIL_WRITE, Kind.UTIL_VIEW, Kind.UTIL_ENTRY, Kind.UTIL_SYNC -> {
                if (receiver != null && synchronizesInside(receiver)) {
                    d.release(t, syncOf(w, receiver));
                } else if (kind != Kind.UTIL_SYNC) {
                    access(w, t, receiver, kind == Kind.UTIL_WRITE, site);
                    collectionArgs(w, t, args, site);
                }
            }
            case Kind.SYNC_CALL -> {
                if (!(receiver instanceof ThreadLocalRandom)) {
                    d.release(t, w.meta(receiver).sync());
                }
            }
            case Kind.COLLECTION_ARGS -> collectionArgs(w, t, args, site);
            case Kind.COLLECTION_ARG0_WRITE -> {
                access(w, t, args[0], true, site);
                collectionArgs(w, t, java.util.Arrays.copyOfRange(args, 1, args.length), site);
            }
            case Kind.ARRAYCOPY -> {
                if (args[0] != null && args[2] != null) {
                    int from = (Integer) args[1];
                    int to = (Integer) args[3];
                    int length = (Integer) args[4];
                    for (int i = 0; i < length; i++) {
                        readElement(args[0], from + i, site);
                        writeElement(args[2], to + i, site);
                    }
                }
            }
            case Kind.ARRAY_READ_ALL -> {
                Object array = receiver != null ? receiver : args[0];
                if (array != null) {
                    int n = java.lang.reflect.Array.getLength(array);
                    if (receiver == null && args.length > 1 && args[1] instanceof Integer length) {
                        n = Math.min(n, length);
                    }
                    for (int i = 0; i < n; i++) {
                        readElement(array, i, site);
                    }
                }
            }
            case Kind.ARRAY_READ_RANGE, Kind.ARRAY_WRITE_RANGE -> {
                if (args[0] != null) {
                    int to = Math.min((Integer) args[2], java.lang.reflect.Array.getLength(args[0]));
                    for (int i = (Integer) args[1]; i < to; i++) {
                        if (kind == Kind.ARRAY_READ_RANGE) {
                            readElement(args[0], i, site);
                        } else {
                            writeElement(args[0], i, site);
                        }
                    }
                }
            }
            case Kind.ARRAY_WRITE_ALL -> {
                if (args[0] != null) {
                    for (int i = 0; i < java.lang.reflect.Array.getLength(args[0]); i++) {
                        writeElement(args[0], i, site);
                    }
                }
            }
            case Kind.UNMODELLED -> d.unmodelled(describe(site) + " calls an API the detector cannot follow");
            default -> { }
        }
    }

    public static void after(int kind, Object receiver, Object[] args, Object result, int site) {
        register(kind, receiver, args, result);
        Watch w = current;
        if (w == null) {
            return;
        }
        ThreadState t = w.state();
        Detector d = w.detector;
        switch (kind) {
            case Kind.THREAD_JOIN -> w.joined(t, (Thread) receiver);
            case Kind.THREAD_IS_ALIVE -> {
                if (Boolean.FALSE.equals(result)) {
                    w.joined(t, (Thread) receiver);
                }
            }
            case Kind.THREAD_GET_STATE -> {
                if (result == Thread.State.TERMINATED) {
                    w.joined(t, (Thread) receiver);
                }
            }
            case Kind.INTERRUPT_CHECK ->
                    d.acquire(t, w.meta(receiver != null ? receiver : Thread.currentThread()).sync());
            case Kind.WAIT -> d.acquire(t, w.meta(receiver).sync());
            case Kind.LOCK -> lock(w, t, receiver, site, true);
            case Kind.TRY_LOCK -> {
                if (Boolean.TRUE.equals(result)) {
                    lock(w, t, receiver, site, true);
                }
            }
            case Kind.AWAIT -> {
                Object lock = conditionLock(receiver);
                if (lock != null) {
                    lock(w, t, lock, site, false);
                }
            }
            case Kind.ST_WRITE_LOCK -> {
                if ((Long) result != 0) {
                    Meta sl = w.meta(receiver);
                    endOptimistic(t, sl);
                    sl.stampGuard().lock(); // after the records of every validate() that accepted a stamp before
                    sl.stampGuard().unlock();
                    d.acquire(t, sl.sync());
                    d.acquire(t, sl.readers());
                    t.locks = t.locks.with(sl.sync().id, "the write lock of " + lockName(site), false);
                }
            }
            case Kind.ST_READ_LOCK -> {
                if ((Long) result != 0) {
                    Meta sl = w.meta(receiver);
                    endOptimistic(t, sl);
                    d.acquire(t, sl.sync());
                    t.locks = t.locks.with(sl.readers().id, "the read lock of " + lockName(site), true);
                }
            }
            case Kind.ST_OPTIMISTIC, Kind.ST_CONVERT_OPTIMISTIC -> {
                long stamp = (Long) result; // 0 while write-locked: the reads that follow are thrown away
                if (t.known()) {
                    Meta sl = w.meta(receiver);
                    d.optimisticBegin(t, sl.sync(), sl.readers(), stamp, lockName(site));
                }
            }
            case Kind.ST_VALIDATE -> {
                Meta sl = w.meta(receiver);
                try {
                    if (t.optimistic != null && t.optimistic.lock == sl.sync()) {
                        d.optimisticEnd(t, (Long) args[0], Boolean.TRUE.equals(result));
                    }
                } finally {
                    unguard(sl);
                }
            }
            case Kind.ST_CONVERT_WRITE, Kind.ST_CONVERT_READ -> {
                try {
                    convert(w, t, kind, receiver, args, result, site);
                } finally {
                    unguard(w.meta(receiver));
                }
            }
            case Kind.AT_ACQUIRE, Kind.AT_RMW -> d.acquire(t, w.meta(receiver).sync());
            case Kind.UP_ACQUIRE, Kind.UP_RMW -> {
                SyncVar var = updaterVar(w, receiver, args, site);
                if (var != null) {
                    d.acquire(t, var);
                }
            }
            case Kind.VH_ACQUIRE, Kind.VH_RMW -> {
                SyncVar var = varHandleVar(w, receiver, args, site);
                if (var != null) {
                    d.acquire(t, var);
                }
            }
            case Kind.SUBMIT -> {
                d.acquire(t, syncOf(w, receiver));
                if (result instanceof Future<?> future && args != null) {
                    for (Object arg : args) {
                        if (arg instanceof Tasks.Wrapper task && task.handOff().end != null) {
                            w.meta(future).aliasSync(task.handOff().end);
                        }
                    }
                }
            }
            case Kind.INVOKE_ALL -> {
                d.acquire(t, syncOf(w, receiver));
                if (result instanceof List<?> futures && args != null && args[0] instanceof List<?> tasks
                        && futures.size() == tasks.size()) {
                    for (int i = 0; i < futures.size(); i++) {
                        if (futures.get(i) instanceof Future<?> future && tasks.get(i) instanceof Tasks.Wrapper task) {
                            w.meta(future).aliasSync(task.handOff().end);
                        }
                    }
                }
            }
            case Kind.JUC -> {
                SyncVar sync = syncOf(w, receiver);
                d.acquire(t, sync);
                shareWithView(w, receiver, result, sync);
            }
            case Kind.JUC_STATIC -> d.acquire(t, w.completableFutures);
            case Kind.UTIL_READ, Kind.UTIL_WRITE, Kind.UTIL_VIEW, Kind.UTIL_ENTRY, Kind.UTIL_SYNC -> {
                if (receiver != null && synchronizesInside(receiver)) {
                    SyncVar sync = syncOf(w, receiver);
                    d.acquire(t, sync);
                    shareWithView(w, receiver, result, sync);
                } else if (result != null && (kind == Kind.UTIL_VIEW
                        || kind == Kind.UTIL_ENTRY && result instanceof Map.Entry<?, ?>)) {
                    VarState var = collectionVar(w, receiver);
                    if (var != null && result.getClass().getName().startsWith("java.util.")
                            && result.getClass().getName().indexOf('.', "java.util.".length()) < 0
                            && !PLAIN_COLLECTIONS.contains(result.getClass().getName())) {
                        w.meta(result).collection = var;
                    }
                }
            }
            case Kind.SYNC_CALL -> {
                if (!(receiver instanceof ThreadLocalRandom)) {
                    d.acquire(t, w.meta(receiver).sync());
                }
            }
            default -> { }
        }
    }

    public static void thrown(int kind, Object receiver, Object[] args, Throwable thrown, int site) {
        Watch w = current;
        if (w == null) {
            return;
        }
        ThreadState t = w.state();
        if (thrown instanceof InterruptedException) {
            w.detector.acquire(t, w.meta(Thread.currentThread()).sync());
        }
        switch (kind) {
            case Kind.WAIT, Kind.AT_RMW, Kind.AT_ACQUIRE, Kind.SUBMIT, Kind.INVOKE_ALL, Kind.JUC, Kind.JUC_STATIC,
                    Kind.UTIL_READ, Kind.UTIL_WRITE, Kind.UTIL_VIEW, Kind.UTIL_ENTRY, Kind.UTIL_SYNC,
                    Kind.SYNC_CALL, Kind.UP_RMW, Kind.UP_ACQUIRE, Kind.VH_RMW, Kind.VH_ACQUIRE ->
                    after(kind, receiver, args, null, site);
            case Kind.AWAIT -> after(kind, receiver, args, null, site); // it holds the lock again when it throws
            case Kind.ST_VALIDATE, Kind.ST_CONVERT_WRITE, Kind.ST_CONVERT_READ -> unguard(w.meta(receiver));
            default -> { }
        }
    }

    // ---- what objects are, whenever they were made ----

    /** Records what a call's result is, with or without a watch on. */
    private static void register(int kind, Object receiver, Object[] args, Object result) {
        if (result == null) {
            return;
        }
        switch (kind) {
            case Kind.NEW_CONDITION -> CONDITIONS.put(result, new WeakReference<>(receiver));
            case Kind.READ_LOCK_VIEW, Kind.WRITE_LOCK_VIEW -> {
                WeakReference<Object> stamped = STAMPED_READ_WRITE.get(receiver);
                Object lock = stamped != null && stamped.get() != null ? stamped.get() : receiver;
                VIEWS.put(result, new View(new WeakReference<>(lock), kind == Kind.READ_LOCK_VIEW));
            }
            case Kind.ST_AS_READ_LOCK, Kind.ST_AS_WRITE_LOCK ->
                    VIEWS.put(result, new View(new WeakReference<>(receiver), kind == Kind.ST_AS_READ_LOCK));
            case Kind.ST_AS_READ_WRITE_LOCK -> STAMPED_READ_WRITE.put(result, new WeakReference<>(receiver));
            case Kind.NEW_UPDATER -> { // newUpdater(Class, String) or newUpdater(Class, Class, String)
                if (args[0] instanceof Class<?> owner && args[args.length - 1] instanceof String name) {
                    registerHandle(result, owner, name, false);
                }
            }
            case Kind.FIND_VAR_HANDLE, Kind.FIND_STATIC_VAR_HANDLE -> {
                if (args[0] instanceof Class<?> owner && args[1] instanceof String name) {
                    registerHandle(result, owner, name, kind == Kind.FIND_STATIC_VAR_HANDLE);
                }
            }
            case Kind.ARRAY_VAR_HANDLE -> HANDLES.put(result, new Handle(-1, null));
            default -> { }
        }
    }

    /** The lock (or lock view) a Condition was made by, or null if its making was not seen. */
    private static Object conditionLock(Object condition) {
        WeakReference<Object> lock = CONDITIONS.get(condition);
        return lock == null ? null : lock.get();
    }

    private static void registerHandle(Object handle, Class<?> owner, String name, boolean isStatic) {
        for (Class<?> k = owner; k != null; k = k.getSuperclass()) {
            Sites.Field field = Sites.field(k.getName(), name);
            if (field != null) {
                HANDLES.put(handle, new Handle(field.id(), isStatic ? k : null));
                return;
            }
        }
    }

    // ---- helpers ----

    private static void convert(Watch w, ThreadState t, int kind, Object receiver, Object[] args, Object result,
            int site) {
        Detector d = w.detector;
        long from = (Long) args[0];
        long to = (Long) result;
        if (to == 0) {
            return;
        }
        Meta sl = w.meta(receiver);
        boolean toWrite = kind == Kind.ST_CONVERT_WRITE;
        if (StampedLock.isOptimisticReadStamp(from)) {
            if (t.optimistic != null && t.optimistic.lock == sl.sync()) {
                d.optimisticEnd(t, from, true); // the conversion validated the stamp
            }
        } else if (StampedLock.isWriteLockStamp(from) && !toWrite) {
            stampedUnlock(w, t, receiver, true);
        } else if (StampedLock.isReadLockStamp(from) && toWrite) {
            stampedUnlock(w, t, receiver, false);
        } else {
            return; // already held in that mode
        }
        d.acquire(t, sl.sync());
        if (toWrite) {
            d.acquire(t, sl.readers());
            t.locks = t.locks.with(sl.sync().id, "the write lock of " + lockName(site), false);
        } else {
            t.locks = t.locks.with(sl.readers().id, "the read lock of " + lockName(site), true);
        }
    }

    private static void unguard(Meta sl) {
        if (sl.stampGuard().isHeldByCurrentThread()) {
            sl.stampGuard().unlock();
        }
    }

    /** The clock a call on {@code receiver} synchronizes with (a future: its task's end). */
    private static SyncVar syncOf(Watch w, Object receiver) {
        if (receiver instanceof CompletableFuture<?> || receiver instanceof CompletionStage<?>) {
            return w.completableFutures;
        }
        return w.meta(receiver).sync();
    }

    /** A java.util.concurrent view or iterator of a concurrent object synchronizes with it. */
    private static void shareWithView(Watch w, Object receiver, Object result, SyncVar sync) {
        if (result == null || result == receiver || result instanceof Future<?>) {
            return;
        }
        String name = result.getClass().getName();
        if (name.startsWith("java.util.concurrent.") && name.indexOf('$') > 0 && VIEWS.get(result) == null
                && CONDITIONS.get(result) == null) {
            w.meta(result).aliasSync(sync);
        }
    }

    /** True for JDK objects whose methods synchronize inside: java.util.concurrent, Vector, synchronized wrappers. */
    private static boolean synchronizesInside(Object receiver) {
        String name = receiver.getClass().getName();
        return name.startsWith("java.util.concurrent.") || SYNCHRONIZED_UTIL.contains(name)
                || name.startsWith("java.util.Collections$Synchronized");
    }

    /** The variable that stands for {@code collection}, if it is a plain collection or one's iterator or view. */
    private static VarState collectionVar(Watch w, Object collection) {
        if (collection == null) {
            return null;
        }
        String name = collection.getClass().getName();
        if (PLAIN_COLLECTIONS.contains(name)) {
            return w.meta(collection).slot(0, false, collection.getClass().getSimpleName());
        }
        if (name.startsWith("java.util.")) {
            Meta meta = w.metas.get(collection);
            return meta == null ? null : meta.collection;
        }
        return null;
    }

    private static void access(Watch w, ThreadState t, Object collection, boolean write, int site) {
        if (!t.known()) {
            return;
        }
        VarState var = collectionVar(w, collection);
        if (var != null) {
            if (write) {
                w.detector.write(t, var, site);
            } else {
                w.detector.read(t, var, site);
            }
        }
    }

    private static void collectionArgs(Watch w, ThreadState t, Object[] args, int site) {
        if (args != null) {
            for (Object arg : args) {
                if (arg instanceof Collection<?> || arg instanceof Map<?, ?>) {
                    access(w, t, arg, false, site);
                }
            }
        }
    }

    /** Acquires {@code lock} (a plain lock, or a read-write lock's view); holds it if asked. */
    private static void lock(Watch w, ThreadState t, Object lock, int site, boolean hold) {
        Detector d = w.detector;
        View view = VIEWS.get(lock);
        Object of = view == null ? null : view.lock().get();
        String name = lockName(site);
        if (of != null) {
            Meta rw = w.meta(of);
            if (!view.read()) {
                rw.stampGuard().lock(); // a StampedLock's write view: after every accepted optimistic read
                rw.stampGuard().unlock();
            }
            d.acquire(t, rw.sync());
            if (!view.read()) {
                d.acquire(t, rw.readers());
            }
            if (hold) {
                t.locks = t.locks.with(view.read() ? rw.readers().id : rw.sync().id, name, view.read());
            }
        } else if (isUnseenReadWriteView(lock)) {
            d.acquire(t, w.unseenReadWriteLocks);
            if (hold) {
                t.locks = t.locks.with(w.unseenReadWriteLocks.id, name, true);
            }
        } else if (hold) {
            d.lockAcquired(t, w.meta(lock).sync(), name, false);
        } else {
            d.acquire(t, w.meta(lock).sync());
        }
    }

    /** Releases {@code lock}; no longer held, if {@code held}. */
    private static void unlock(Watch w, ThreadState t, Object lock, boolean held) {
        View view = VIEWS.get(lock);
        Object of = view == null ? null : view.lock().get();
        SyncVar var;
        if (of != null) {
            Meta rw = w.meta(of);
            var = view.read() ? rw.readers() : rw.sync();
        } else if (isUnseenReadWriteView(lock)) {
            var = w.unseenReadWriteLocks;
        } else {
            var = w.meta(lock).sync();
        }
        if (held) {
            t.locks = t.locks.without(var.id);
        }
        w.detector.release(t, var);
    }

    /** A read or write lock of a read-write lock whose readLock()/writeLock() call was not seen. */
    private static boolean isUnseenReadWriteView(Object lock) {
        if (lock == null) {
            return false;
        }
        String name = lock.getClass().getName();
        return name.startsWith("java.util.concurrent.locks.") && (name.endsWith("$ReadLock")
                || name.endsWith("$WriteLock") || name.endsWith("LockView"));
    }

    private static void stampedUnlock(Watch w, ThreadState t, Object lock, boolean write) {
        Meta sl = w.meta(lock);
        SyncVar var = write ? sl.sync() : sl.readers();
        t.locks = t.locks.without(var.id);
        w.detector.release(t, var);
    }

    /** An optimistic section of {@code sl} ends unvalidated when its thread takes the lock itself. */
    private static void endOptimistic(ThreadState t, Meta sl) {
        if (t.optimistic != null && t.optimistic.lock == sl.sync()) {
            t.optimistic = null;
        }
    }

    private static String lockName(int site) {
        return Sites.get(site).variable();
    }

    /** The volatile clock of the field an updater works on, in the object {@code args[0]}. */
    private static SyncVar updaterVar(Watch w, Object updater, Object[] args, int site) {
        Handle handle = HANDLES.get(updater);
        if (handle == null || handle.field() < 0 || args == null || args.length == 0 || args[0] == null) {
            w.detector.unmodelled(describe(site) + " uses a field updater whose making the detector did not see");
            return null;
        }
        return w.meta(args[0]).volatileField(handle.field());
    }

    private static SyncVar varHandleVar(Watch w, Object varHandle, Object[] args, int site) {
        Handle handle = HANDLES.get(varHandle);
        if (handle == null) {
            w.detector.unmodelled(describe(site) + " uses a VarHandle whose making the detector did not see");
            return null;
        }
        if (handle.field() == -1) { // an array element: the whole array's clock
            return args != null && args.length > 0 && args[0] != null ? w.meta(args[0]).sync() : null;
        }
        Object owner = handle.staticOwner() != null ? handle.staticOwner() : args == null || args.length == 0
                ? null : args[0];
        return owner == null ? null : w.meta(owner).volatileField(handle.field());
    }

    private static void varHandleAccess(Watch w, ThreadState t, int kind, Object varHandle, Object[] args,
            int site) {
        Handle handle = HANDLES.get(varHandle);
        if (!t.known() || handle == null) {
            return; // a plain access through an unknown handle: not recorded
        }
        VarState var;
        if (handle.field() == -1) {
            if (args == null || args.length < 2 || args[0] == null || !(args[1] instanceof Integer index)) {
                return;
            }
            if (index < 0 || index >= java.lang.reflect.Array.getLength(args[0])) {
                return;
            }
            var = w.meta(args[0]).slot(index, true, arrayType(args[0]));
        } else {
            Object owner = handle.staticOwner() != null ? handle.staticOwner()
                    : args == null || args.length == 0 ? null : args[0];
            if (owner == null) {
                return;
            }
            var = w.meta(owner).slot(handle.field(), false, null);
        }
        if (kind == Kind.VH_PLAIN_GET) {
            w.detector.read(t, var, site);
        } else {
            w.detector.write(t, var, site);
        }
    }

    private static boolean isInstrumented(Class<?> c) {
        String name = c.getName();
        int lambda = name.indexOf("$$Lambda");
        return Sites.classId(lambda > 0 ? name.substring(0, lambda) : name) >= 0;
    }

    private static String describe(int site) {
        Sites.Site s = Sites.get(site);
        return s.simpleClass() + "." + s.method() + (s.line() > 0 ? " (line " + s.line() + ")" : "");
    }
}
