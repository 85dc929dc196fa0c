package kit.grader.instrument;

import java.util.Set;
import kit.grader.race.Kind;
import org.objectweb.asm.Opcodes;

/**
 * Which calls into the JDK the detector models, and as what ({@link Kind}): by the class that owns the method (for
 * a call through one of the learner's classes, the first JDK class above it), its name and descriptor. -1: a call
 * the detector lets run unseen (it neither synchronizes nor touches the learner's shared state - or, for
 * {@code java.util.concurrent}, the runtime treats it as an acquire and release of its receiver, below).
 */
final class Calls {
    private Calls() {}

    /** java.util types whose methods read or write a collection (or an iterator, entry or view of one). */
    private static final Set<String> UTIL_TYPES = Set.of("Collection", "List", "Set", "Queue", "Deque", "Map",
            "SortedMap", "NavigableMap", "SortedSet", "NavigableSet", "SequencedCollection", "SequencedSet",
            "SequencedMap", "Iterator", "ListIterator", "Map$Entry", "Enumeration", "AbstractCollection",
            "AbstractList",
            "AbstractSequentialList", "AbstractSet", "AbstractMap", "AbstractQueue", "ArrayList", "LinkedList",
            "ArrayDeque", "PriorityQueue", "HashMap", "LinkedHashMap", "TreeMap", "IdentityHashMap", "WeakHashMap",
            "EnumMap", "HashSet", "LinkedHashSet", "TreeSet", "EnumSet", "BitSet", "Vector", "Stack", "Hashtable");

    /** Parameter types that are collections, for the reads of a collection passed to the JDK. */
    private static final Set<String> COLLECTION_TYPES = Set.of("java/util/Collection", "java/util/List",
            "java/util/Set", "java/util/Queue", "java/util/Deque", "java/util/Map", "java/util/SortedMap",
            "java/util/NavigableMap", "java/util/SortedSet", "java/util/NavigableSet", "java/util/SequencedCollection",
            "java/util/SequencedSet", "java/util/SequencedMap", "java/lang/Iterable", "java/util/ArrayList",
            "java/util/LinkedList", "java/util/ArrayDeque", "java/util/HashMap", "java/util/HashSet",
            "java/util/TreeMap", "java/util/TreeSet", "java/util/PriorityQueue", "java/util/LinkedHashMap",
            "java/util/LinkedHashSet", "java/util/AbstractCollection", "java/util/AbstractList",
            "java/util/AbstractMap");

    /** Methods that change a collection (the others read it). */
    private static final Set<String> WRITES = Set.of("add", "addAll", "addFirst", "addLast", "offer", "offerFirst",
            "offerLast", "push", "pop", "poll", "pollFirst", "pollLast", "pollFirstEntry", "pollLastEntry", "remove",
            "removeFirst", "removeLast", "removeAll", "retainAll", "removeIf", "removeFirstOccurrence",
            "removeLastOccurrence", "clear", "set", "put", "putAll", "putIfAbsent", "putFirst", "putLast", "replace",
            "replaceAll", "compute", "computeIfAbsent", "computeIfPresent", "merge", "sort", "trimToSize",
            "ensureCapacity", "setValue", "flip", "and", "or", "xor", "andNot", "setSize", "insertElementAt",
            "addElement", "removeElement", "removeElementAt", "removeAllElements", "setElementAt");

    /** Methods that return an iterator or a view backed by the same collection. */
    private static final Set<String> VIEWS = Set.of("iterator", "listIterator", "descendingIterator", "spliterator",
            "keySet", "values", "entrySet", "subList", "headSet", "tailSet", "subSet", "headMap", "tailMap", "subMap",
            "descendingSet", "descendingMap", "navigableKeySet", "descendingKeySet", "reversed", "sequencedKeySet",
            "sequencedValues", "sequencedEntrySet", "elements", "keys");

    /** Methods that may return one of the collection's own entries. */
    private static final Set<String> ENTRIES = Set.of("next", "previous", "nextElement", "firstEntry", "lastEntry",
            "floorEntry", "ceilingEntry", "higherEntry", "lowerEntry");

    private static final Set<String> EXECUTORS = Set.of("Executor", "ExecutorService", "ScheduledExecutorService",
            "AbstractExecutorService", "ThreadPoolExecutor", "ScheduledThreadPoolExecutor", "ForkJoinPool",
            "CompletionService", "ExecutorCompletionService");

    private static final Set<String> COLLECTIONS_WRITING_FIRST = Set.of("sort", "shuffle", "reverse", "swap", "fill",
            "copy", "rotate", "replaceAll", "addAll");

    static boolean isCollectionType(String internalName) {
        return COLLECTION_TYPES.contains(internalName);
    }

    /** Kinds whose functional arguments are wrapped (tasks, thread bodies, callbacks of concurrent objects). */
    static boolean wrapsArguments(int kind) {
        return switch (kind) {
            case Kind.THREAD_BODY, Kind.SUBMIT, Kind.INVOKE_ALL, Kind.JUC, Kind.JUC_STATIC, Kind.UTIL_READ,
                    Kind.UTIL_WRITE, Kind.UTIL_VIEW, Kind.UTIL_ENTRY, Kind.UTIL_SYNC -> true;
            default -> false;
        };
    }

    /**
     * The kind of a call {@code opcode owner.name desc}, or -1. {@code learner}: the calling class is the
     * learner's (its accesses are recorded), not a check's (only its synchronization is).
     */
    static int classify(int opcode, String owner, String name, String desc, boolean learner) {
        if (owner == null) {
            return -1;
        }
        if (owner.startsWith("[")) {
            return learner && name.equals("clone") ? Kind.ARRAY_READ_ALL : -1;
        }
        if (opcode == Opcodes.INVOKESTATIC) {
            return classifyStatic(owner, name, desc, learner);
        }
        if (name.equals("wait") && (desc.equals("()V") || desc.equals("(J)V") || desc.equals("(JI)V"))) {
            return Kind.WAIT;
        }
        if (owner.equals("java/lang/Thread")) {
            return switch (name) {
                case "start" -> desc.equals("()V") ? Kind.THREAD_START : -1;
                case "join" -> Kind.THREAD_JOIN;
                case "isAlive" -> Kind.THREAD_IS_ALIVE;
                case "getState" -> Kind.THREAD_GET_STATE;
                case "interrupt" -> Kind.THREAD_INTERRUPT;
                case "isInterrupted" -> Kind.INTERRUPT_CHECK;
                default -> -1;
            };
        }
        if (owner.startsWith("java/lang/Thread$Builder")) {
            return name.equals("start") || name.equals("unstarted") ? Kind.THREAD_BODY : -1;
        }
        if (owner.equals("java/lang/invoke/MethodHandles$Lookup")) {
            return switch (name) {
                case "findVarHandle" -> Kind.FIND_VAR_HANDLE;
                case "findStaticVarHandle" -> Kind.FIND_STATIC_VAR_HANDLE;
                default -> -1;
            };
        }
        if (owner.equals("java/lang/invoke/VarHandle")) {
            return varHandle(name, learner);
        }
        if (owner.startsWith("java/util/concurrent/")) {
            return concurrent(owner.substring("java/util/concurrent/".length()), name, learner);
        }
        if (owner.equals("java/util/Random")) {
            return Kind.SYNC_CALL;
        }
        if (owner.startsWith("java/util/") && UTIL_TYPES.contains(owner.substring("java/util/".length()))
                || owner.equals("java/lang/Iterable")) {
            if (name.equals("getClass") || name.equals("wait") || name.startsWith("notify")) {
                return -1;
            }
            if (!learner) {
                return Kind.UTIL_SYNC;
            }
            if (VIEWS.contains(name)) {
                return Kind.UTIL_VIEW;
            }
            if (ENTRIES.contains(name)) {
                return Kind.UTIL_ENTRY;
            }
            return WRITES.contains(name) ? Kind.UTIL_WRITE : Kind.UTIL_READ;
        }
        if (owner.equals("java/io/PrintStream") || owner.equals("java/io/PrintWriter")
                || owner.equals("java/lang/StringBuffer")) {
            return Kind.SYNC_CALL;
        }
        if (learner && !owner.startsWith("java/lang/Object") && hasCollectionParam(desc)) {
            return Kind.COLLECTION_ARGS;
        }
        return -1;
    }

    private static int classifyStatic(String owner, String name, String desc, boolean learner) {
        switch (owner) {
            case "java/lang/Thread" -> {
                return switch (name) {
                    case "sleep" -> Kind.SLEEP;
                    case "interrupted" -> Kind.INTERRUPT_CHECK;
                    case "startVirtualThread" -> Kind.THREAD_BODY;
                    default -> -1;
                };
            }
            case "java/lang/System" -> {
                return learner && name.equals("arraycopy") ? Kind.ARRAYCOPY : -1;
            }
            case "java/lang/invoke/MethodHandles" -> {
                return name.equals("arrayElementVarHandle") ? Kind.ARRAY_VAR_HANDLE : -1;
            }
            case "java/util/Arrays" -> {
                if (!learner || desc.startsWith("()")) {
                    return -1;
                }
                int params = org.objectweb.asm.Type.getArgumentTypes(desc).length;
                boolean arrayFirst = desc.charAt(1) == '[';
                return switch (name) {
                    case "copyOf" -> arrayFirst ? Kind.ARRAY_READ_ALL : -1;
                    case "copyOfRange" -> arrayFirst ? Kind.ARRAY_READ_RANGE : -1;
                    case "fill", "sort", "parallelSort", "setAll" -> !arrayFirst ? -1
                            : params >= 3 && desc.startsWith("(", 0) && rangeForm(desc) ? Kind.ARRAY_WRITE_RANGE
                            : Kind.ARRAY_WRITE_ALL;
                    default -> -1;
                };
            }
            case "java/util/Collections" -> {
                if (!learner || !hasCollectionParam(desc)) {
                    return -1;
                }
                return COLLECTIONS_WRITING_FIRST.contains(name) ? Kind.COLLECTION_ARG0_WRITE : Kind.COLLECTION_ARGS;
            }
            case "java/util/concurrent/CompletableFuture" -> {
                return Kind.JUC_STATIC;
            }
            case "java/util/concurrent/atomic/AtomicIntegerFieldUpdater",
                    "java/util/concurrent/atomic/AtomicLongFieldUpdater",
                    "java/util/concurrent/atomic/AtomicReferenceFieldUpdater" -> {
                return name.equals("newUpdater") ? Kind.NEW_UPDATER : -1;
            }
            default -> {
                return learner && !owner.startsWith("java/util/concurrent/") && hasCollectionParam(desc)
                        ? Kind.COLLECTION_ARGS : -1;
            }
        }
    }

    /** Arrays.fill(a, from, to, v) and sort(a, from, to[, c]): an int, an int after the array. */
    private static boolean rangeForm(String desc) {
        org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(desc);
        return params.length >= 3 && params[1] == org.objectweb.asm.Type.INT_TYPE
                && params[2] == org.objectweb.asm.Type.INT_TYPE;
    }

    private static int varHandle(String name, boolean learner) {
        return switch (name) {
            case "get" -> learner ? Kind.VH_PLAIN_GET : -1;
            case "set" -> learner ? Kind.VH_PLAIN_SET : -1;
            case "getOpaque", "setOpaque" -> -1; // coherent but unordered: neither an access nor synchronization
            case "getVolatile", "getAcquire" -> Kind.VH_ACQUIRE;
            case "setVolatile", "setRelease" -> Kind.VH_RELEASE;
            default -> name.startsWith("compareAnd") || name.startsWith("weakCompareAndSet")
                    || name.startsWith("getAnd") ? Kind.VH_RMW : -1;
        };
    }

    private static int concurrent(String type, String name, boolean learner) {
        if (type.startsWith("locks/")) {
            return locks(type.substring("locks/".length()), name);
        }
        if (type.startsWith("atomic/")) {
            return atomics(type.substring("atomic/".length()), name, learner);
        }
        if (type.equals("TimeUnit")) {
            return switch (name) {
                case "sleep" -> Kind.SLEEP;
                case "timedJoin", "timedWait" -> Kind.UNMODELLED;
                default -> -1;
            };
        }
        if (type.equals("ThreadLocalRandom")) {
            return -1;
        }
        if (type.equals("ThreadFactory")) {
            return name.equals("newThread") ? Kind.THREAD_BODY : Kind.JUC;
        }
        if (EXECUTORS.contains(type)) {
            return switch (name) {
                case "execute", "submit", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay" -> Kind.SUBMIT;
                case "invokeAll", "invokeAny" -> Kind.INVOKE_ALL;
                default -> Kind.JUC;
            };
        }
        return Kind.JUC;
    }

    private static int locks(String type, String name) {
        if (type.equals("LockSupport")) {
            return -1;
        }
        if (type.equals("StampedLock")) {
            return switch (name) {
                case "writeLock", "writeLockInterruptibly", "tryWriteLock" -> Kind.ST_WRITE_LOCK;
                case "readLock", "readLockInterruptibly", "tryReadLock" -> Kind.ST_READ_LOCK;
                case "unlockWrite", "tryUnlockWrite" -> Kind.ST_UNLOCK_WRITE;
                case "unlockRead", "tryUnlockRead" -> Kind.ST_UNLOCK_READ;
                case "unlock" -> Kind.ST_UNLOCK;
                case "tryOptimisticRead" -> Kind.ST_OPTIMISTIC;
                case "validate" -> Kind.ST_VALIDATE;
                case "tryConvertToWriteLock" -> Kind.ST_CONVERT_WRITE;
                case "tryConvertToReadLock" -> Kind.ST_CONVERT_READ;
                case "tryConvertToOptimisticRead" -> Kind.ST_CONVERT_OPTIMISTIC;
                case "asReadLock" -> Kind.ST_AS_READ_LOCK;
                case "asWriteLock" -> Kind.ST_AS_WRITE_LOCK;
                case "asReadWriteLock" -> Kind.ST_AS_READ_WRITE_LOCK;
                default -> Kind.JUC;
            };
        }
        if (type.equals("Condition") || type.endsWith("$ConditionObject")) {
            return switch (name) {
                case "await", "awaitNanos", "awaitUninterruptibly", "awaitUntil" -> Kind.AWAIT;
                case "signal", "signalAll" -> -1; // under the lock, which orders everything already
                default -> Kind.JUC;
            };
        }
        return switch (name) {
            case "readLock" -> Kind.READ_LOCK_VIEW;
            case "writeLock" -> Kind.WRITE_LOCK_VIEW;
            case "lock", "lockInterruptibly" -> Kind.LOCK;
            case "tryLock" -> Kind.TRY_LOCK;
            case "unlock" -> Kind.UNLOCK;
            case "newCondition" -> Kind.NEW_CONDITION;
            default -> Kind.JUC;
        };
    }

    private static int atomics(String type, String name, boolean learner) {
        if (type.endsWith("FieldUpdater")) {
            return switch (name) {
                case "get" -> Kind.UP_ACQUIRE;
                case "set", "lazySet" -> Kind.UP_RELEASE;
                default -> Kind.UP_RMW;
            };
        }
        return switch (name) {
            case "getPlain" -> learner ? Kind.AT_PLAIN_GET : -1;
            case "setPlain" -> learner ? Kind.AT_PLAIN_SET : -1;
            case "getOpaque", "setOpaque", "length" -> -1;
            case "get", "getAcquire", "intValue", "longValue", "floatValue", "doubleValue", "byteValue", "shortValue",
                    "getReference", "getStamp", "isMarked", "sum", "toString" -> Kind.AT_ACQUIRE;
            case "set", "lazySet", "setRelease" -> Kind.AT_RELEASE;
            default -> Kind.AT_RMW;
        };
    }

    private static boolean hasCollectionParam(String desc) {
        for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(desc)) {
            if (t.getSort() == org.objectweb.asm.Type.OBJECT && isCollectionType(t.getInternalName())) {
                return true;
            }
        }
        return false;
    }
}
