///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//DEPS net.jcip:jcip-annotations:1.0
//SOURCES ../../solutions/counter/ThreadSafeCounter.java ../../solutions/list/ThreadSafeList.java

// Saying thread safety in names and annotations. The chapter's advice: name a class so its thread safety is
// explicit (ThreadSafeList), because nobody can assume what is not written down. Java adds annotations - the ones
// from "Java Concurrency in Practice" (net.jcip.annotations: @ThreadSafe, @NotThreadSafe, @Immutable, @GuardedBy) -
// that stay in the compiled class, so tools, and this script, can read them.
//
// Run:  ./jbang 2i-thread-safety-names
//
// You will see, for a few classes: whether the name says "thread-safe", what the annotation says, and which field
// is guarded by which lock - read at run time by reflection. The kit's ThreadSafeCounter says it in its name only;
// ArrayList and ConcurrentHashMap say it in neither (only their Javadoc tells you). The output is the same on every
// run. Annotations are documentation: the compiler does not enforce them, though checkers such as Error Prone can
// verify @GuardedBy at compile time.

import counter.ThreadSafeCounter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import list.ThreadSafeList;
import net.jcip.annotations.GuardedBy;
import net.jcip.annotations.Immutable;
import net.jcip.annotations.NotThreadSafe;
import net.jcip.annotations.ThreadSafe;

public class ThreadSafetyNames {
    /** Says it twice: in the name and in the annotation; and says which lock guards the state. */
    @ThreadSafe
    static final class ThreadSafeHitCounter {
        @GuardedBy("this")
        private long hits;

        synchronized void hit() {
            hits++;
        }

        synchronized long hits() {
            return hits;
        }
    }

    /** For one thread only - and it says so, so nobody shares it by mistake. */
    @NotThreadSafe
    static final class HitCounter {
        private long hits;

        void hit() {
            hits++;
        }

        long hits() {
            return hits;
        }
    }

    /** Never changes after construction, so any number of threads may share it without a lock. */
    @Immutable
    record Point(int x, int y) {}

    public static void main(String[] args) {
        if (args.length != 0) {
            System.err.println("usage: ./jbang 2i-thread-safety-names (no arguments)");
            System.exit(2);
        }
        List<Class<?>> classes = List.of(ThreadSafeHitCounter.class, HitCounter.class, Point.class,
                ThreadSafeCounter.class, ThreadSafeList.class, ArrayList.class, ConcurrentHashMap.class);
        System.out.printf("%-24s %-12s %-16s %s%n", "class", "name says", "annotation says", "guarded fields");
        for (Class<?> type : classes) {
            System.out.printf("%-24s %-12s %-16s %s%n", type.getSimpleName(),
                    type.getSimpleName().startsWith("ThreadSafe") ? "thread-safe" : "-", annotation(type),
                    guardedFields(type));
        }
        System.out.println("""

                Where neither the name nor an annotation says it, only the documentation can: ArrayList's Javadoc
                says "this implementation is not synchronized", ConcurrentHashMap's that it supports full concurrency
                of retrievals and high expected concurrency for updates. If the documentation says nothing, assume
                the class is not thread-safe.""");
    }

    private static String annotation(Class<?> type) {
        if (type.isAnnotationPresent(ThreadSafe.class)) {
            return "@ThreadSafe";
        }
        if (type.isAnnotationPresent(NotThreadSafe.class)) {
            return "@NotThreadSafe";
        }
        if (type.isAnnotationPresent(Immutable.class)) {
            return "@Immutable";
        }
        return "-";
    }

    private static String guardedFields(Class<?> type) {
        List<String> guarded = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            GuardedBy guard = field.getAnnotation(GuardedBy.class);
            if (guard != null) {
                guarded.add(field.getName() + " guarded by \"" + guard.value() + "\"");
            }
        }
        return guarded.isEmpty() ? "-" : String.join(", ", guarded);
    }
}
