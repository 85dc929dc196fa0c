package kit.grader.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.StampedLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kit.grader.api.Frames;
import kit.grader.api.ThreadReport;
import kit.grader.api.WarmUp;

/**
 * One look at the threads: does a call of the learner's code wait (parked, in {@code wait()}, or blocked entering a
 * {@code synchronized} block) while no thread that could ever wake it can run? Then it waits for good: a correct
 * class, however slow the machine, always has a thread that can go on - a thread that waits for a CPU shows as
 * RUNNABLE, and one that sleeps or waits with a timeout wakes by itself. {@link HangWatch} asks this again and again,
 * and calls it a hang once it has held for a while.
 *
 * <p>Threads in play: every thread but those the caller leaves out (the JVM's own, the runner's, threads parked for
 * good since an earlier check). A thread in play that sleeps or waits with a timeout could go on - unless it is a
 * check's helper that only waits for the learner's threads ({@code Race.run} polling them, {@code DataRaces} waiting
 * for a call to end), which wakes no one.
 */
final class Hang {
    private static final String LOCKS = "java.util.concurrent.locks.";
    /** Check helpers whose timed waits only watch the learner's threads: Race.run, and DataRaces' turn keeper. */
    private static final Set<String> WATCHERS = Set.of("kit.grader.api.Race", "kit.grader.api.DataRaces$Turns");
    private static final Pattern AQS_STATE = Pattern.compile("\\[State = (-?\\d+)");

    /** A thread of the learner's code that waits, where, what for (in the learner's words), and a key for it. */
    record Waiter(String thread, StackTraceElement where, String waitsFor, String signature) {
        /** "appendIfAbsent (ThreadSafeList.java:70) waits for ...", with the thread's name if {@code named}. */
        String line(boolean named) {
            String at = Frames.format(where);
            return where.getMethodName() + " (" + at.substring(at.lastIndexOf('(') + 1, at.length() - 1)
                    + (named ? ", on " + thread : "") + ") " + waitsFor;
        }
    }

    private final List<Waiter> waiters;
    private final long waitersCpuNanos;

    private Hang(List<Waiter> waiters, long waitersCpuNanos) {
        this.waiters = List.copyOf(waiters);
        this.waitersCpuNanos = waitersCpuNanos;
    }

    /**
     * The CPU time the waiting threads have used, together: it grows only if they ran between two looks - a lock
     * handed from thread to thread (a fair lock's convoy) shows every thread waiting at each look, yet moves.
     */
    long waitersCpuNanos() {
        return waitersCpuNanos;
    }

    List<Waiter> waiters() {
        return waiters;
    }

    /** The keys of the waits, so that the same hang seen again is told at once ({@link HangWatch}). */
    Set<String> signatures() {
        Set<String> keys = new LinkedHashSet<>();
        waiters.forEach(w -> keys.add(w.signature()));
        return keys;
    }

    /**
     * A hang, if every thread in play (all of {@code threads} but {@code notInPlay}) waits and at least one of them
     * waits in the learner's code; empty if some thread can go on.
     */
    static Optional<Hang> look(Map<Thread, StackTraceElement[]> threads, String learnerPackage, Set<Long> notInPlay) {
        List<Thread> inCode = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : threads.entrySet()) {
            Thread thread = e.getKey();
            if (notInPlay.contains(thread.threadId()) || thread == Thread.currentThread()
                    || thread.getName().equals("Attach Listener")) {
                continue;
            }
            Thread.State state = thread.getState();
            if (state == Thread.State.RUNNABLE || state == Thread.State.TIMED_WAITING && !isWatcher(e.getValue())) {
                return Optional.empty(); // it can go on, and may wake the others
            }
            if ((state == Thread.State.WAITING || state == Thread.State.BLOCKED)
                    && learnersFrame(e.getValue(), learnerPackage) != null) {
                inCode.add(thread);
            }
        }
        if (inCode.isEmpty()) {
            return Optional.empty();
        }
        List<Waiter> waiters = new ArrayList<>();
        for (Thread thread : inCode) {
            StackTraceElement[] stack = threads.get(thread);
            StackTraceElement where = learnersFrame(stack, learnerPackage);
            StackTraceElement[] above = Arrays.copyOf(stack, Arrays.asList(stack).indexOf(where));
            Object blocker = LockSupport.getBlocker(thread);
            waiters.add(new Waiter(ThreadReport.name(thread.getName()), where,
                    waitsFor(thread.getState(), above, blocker, inCode.size() == 1),
                    where.getClassName() + "." + where.getMethodName() + ":" + where.getLineNumber() + " "
                            + thread.getState() + " " + (blocker == null ? stack[0].getMethodName()
                            : blocker.getClass().getName())));
        }
        return Optional.of(new Hang(waiters, WarmUp.cpuNanos(inCode)));
    }

    /** A check's helper that only waits for the learner's threads, polling: its sleeps wake no one. */
    private static boolean isWatcher(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (!isJdk(frame.getClassName())) {
                return WATCHERS.contains(frame.getClassName());
            }
        }
        return false;
    }

    /** The innermost frame of the learner's code, or null. */
    private static StackTraceElement learnersFrame(StackTraceElement[] stack, String learnerPackage) {
        return Arrays.stream(stack).filter(f -> f.getClassName().startsWith(learnerPackage + "."))
                .filter(f -> !f.getClassName().contains("$$Lambda")).findFirst().orElse(null);
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.");
    }

    /**
     * What a waiting thread waits for, and why nobody can give it, from the frames {@code above} the learner's
     * innermost one (the JDK's waiting code) and the object it is parked on ({@code blocker}, or null).
     */
    static String waitsFor(Thread.State state, StackTraceElement[] above, Object blocker, boolean alone) {
        String others = alone ? "no other thread is in your code" : "every other thread in your code waits too";
        if (state == Thread.State.BLOCKED) {
            return "waits to enter a synchronized block whose monitor another waiting thread holds: " + others
                    + ", so none of them can ever go on (a deadlock).";
        }
        if (calls(above, LOCKS + "ReentrantReadWriteLock$WriteLock")) {
            long[] held = readWriteHolds(blocker);
            if (held[0] > 0 && held[1] == 0) {
                return "waits for the write lock while " + (alone ? "its own thread holds" : "this thread or another"
                        + " waiting one holds") + " the read lock (" + held[0] + (held[0] == 1 ? " hold" : " holds")
                        + ") of the same ReentrantReadWriteLock. A read lock cannot be upgraded: the write lock waits"
                        + " until every reader has unlocked, this thread included - so it waits for itself. Unlock the"
                        + " read lock before you lock the write lock (and look again under the write lock), or take"
                        + " the write lock from the start.";
            }
            return "waits for the write lock of a ReentrantReadWriteLock that another waiting thread holds: " + others
                    + ".";
        }
        if (calls(above, LOCKS + "ReentrantReadWriteLock$ReadLock")) {
            return readWriteHolds(blocker)[1] > 0
                    ? "waits for the read lock of a ReentrantReadWriteLock whose write lock a waiting thread holds: "
                            + others + "."
                    : "waits for the read lock of a ReentrantReadWriteLock behind a thread that waits for its write"
                            + " lock (new readers queue behind a waiting writer): " + others + ".";
        }
        if (calls(above, LOCKS + "StampedLock")) {
            String held = blocker instanceof StampedLock lock ? lock.isWriteLocked() ? " (it is write-locked)"
                    : lock.isReadLocked() ? " (it is read-locked " + lock.getReadLockCount() + " times)" : "" : "";
            return "waits for a StampedLock that is already held" + held + ", and " + others + ". A StampedLock is not"
                    + " reentrant: a thread that holds it and locks it again waits for itself. Do not call a method"
                    + " that locks from one that already holds the lock (call a private method that does not lock),"
                    + " or use a ReentrantReadWriteLock.";
        }
        if (calls(above, "java.util.concurrent.Semaphore")) {
            return "waits for a permit of a Semaphore that no thread will release: " + others + ". A Semaphore is not"
                    + " a reentrant lock: a thread that holds its only permit and asks again waits for itself.";
        }
        if (calls(above, "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject")
                || calls(above, "java.util.concurrent.locks.AbstractQueuedLongSynchronizer$ConditionObject")) {
            return "waits on a Condition (await) that no thread can signal: " + others + ", so it waits for good.";
        }
        if (calls(above, "java.lang.Object", "wait")) {
            return "waits in wait() for a notify that no thread can send: " + others + ", so it waits for good.";
        }
        if (calls(above, "java.lang.Thread", "join")) {
            return "waits for another thread to end (join), which waits too: " + others + ".";
        }
        if (calls(above, LOCKS)) {
            return "waits for a lock that a waiting thread holds: " + others + ", so none of them can go on.";
        }
        return "waits (parked), and " + others + " that could wake it.";
    }

    /** Read holds and write holds of a ReentrantReadWriteLock's synchronizer, from its state; {-1, -1} if unknown. */
    static long[] readWriteHolds(Object sync) {
        if (sync == null) {
            return new long[] {-1, -1};
        }
        Matcher m = AQS_STATE.matcher(sync.toString());
        if (!m.find()) {
            return new long[] {-1, -1};
        }
        long state = Long.parseLong(m.group(1));
        int shift = sync instanceof AbstractQueuedLongSynchronizer ? 32 : 16; // JDK 25: long state; JDK 21: int
        return new long[] {state >>> shift, state & ((1L << shift) - 1)};
    }

    private static boolean calls(StackTraceElement[] stack, String type) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith(type));
    }

    private static boolean calls(StackTraceElement[] stack, String type, String method) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().equals(type) && f.getMethodName().equals(method));
    }
}
