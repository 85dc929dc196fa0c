package kit.grader.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Tells whether the heap has filled up: a garbage collection that left the old generation (where what survives goes)
 * almost full (95% of its limit) means the code keeps what it allocates. The young generation's pools are not watched:
 * a survivor space is often full after a collection (what does not fit moves on to the old generation). Then whatever
 * fails next - an OutOfMemoryError in the learner's code, an exception inside a checking tool that ran out of memory
 * itself, a check too slow to finish - is that.
 */
public final class HeapWatch {
    /** The check JVM's heap limit ({@code -Xmx}): code that allocates without end fails soon, and is told so. */
    public static final int HEAP_LIMIT_MB = 512;

    private static final double FULL = 0.95;
    private final List<MemoryPoolMXBean> pools;

    public HeapWatch() {
        pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()
                        && p.getUsage().getMax() > 0 && !p.getName().contains("Eden")
                        && !p.getName().contains("Survivor"))
                .toList();
        pools.forEach(p -> p.setCollectionUsageThreshold((long) (p.getUsage().getMax() * FULL)));
    }

    /** How often a collection has left the heap full so far: compare two readings. */
    long fullCount() {
        return pools.stream().mapToLong(MemoryPoolMXBean::getCollectionUsageThresholdCount).sum();
    }

    static boolean isOutOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    public static String explanation() {
        return "Your code ran out of memory (the heap limit is " + HEAP_LIMIT_MB + " MB): it keeps what it "
                + "allocates - a collection that only grows, or objects that something still refers to after they "
                + "are needed. The check could not finish.";
    }
}
