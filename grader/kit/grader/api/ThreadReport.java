package kit.grader.api;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A thread dump a learner can read: the threads that run the learner's code or a check, what each one waits for
 * and who holds it, the locks each holds, and where in the learner's code it is. Threads that are doing the same
 * thing at the same place are shown once ("120 threads like this one"). Checks may use it in their
 * messages (e.g. after a {@code join} timed out); the grader's watchdog uses it for checks that hang.
 */
public final class ThreadReport {
    private static final int MAX_HELD_SHOWN = 3;
    private static final int MAX_GROUPS_SHOWN = 8;
    private static final int MAX_NAMES_SHOWN = 3;

    /**
     * The threads that were already in the learner's code or a check when the current check started: left over from
     * an earlier check (a consumer that ignored its interrupt stays parked for good), so not part of this check's
     * story. Reports count them but do not show them.
     */
    private static volatile Set<Long> earlier = Set.of();

    private ThreadReport() {}

    /** The check runner calls this as each check starts: what runs the learner's code now belongs to earlier checks. */
    public static void checkStarts(String learnerPackage) {
        Set<Long> ids = new HashSet<>();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (info != null && isRelevant(info, learnerPackage)) {
                ids.add(info.getThreadId());
            }
        }
        earlier = Set.copyOf(ids);
    }

    /** For checks: describes every thread that is in the learner's code or in a check, plus any deadlock. */
    public static String describe() {
        return describe(Frames.learnerPackageOfCaller());
    }

    /** Describes every thread that is in {@code learnerPackage}'s code or in a check, plus any deadlock. */
    public static String describe(String learnerPackage) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ThreadInfo[] infos = mx.dumpAllThreads(true, true);
        StringBuilder text = new StringBuilder();
        long[] deadlocked = mx.findDeadlockedThreads();
        if (deadlocked != null) {
            List<String> names = new ArrayList<>();
            for (ThreadInfo info : mx.getThreadInfo(deadlocked)) {
                if (info != null) {
                    names.add(name(info.getThreadName()));
                }
            }
            text.append("DEADLOCK: ").append(String.join(", ", names))
                    .append(" each wait for a lock that another of them holds - none of them can ever go on.\n");
        }
        Map<String, List<ThreadInfo>> alike = new LinkedHashMap<>(); // what threads do -> the threads doing it
        int fromEarlierChecks = 0;
        for (ThreadInfo info : infos) {
            if (info != null && isRelevant(info, learnerPackage)) {
                if (earlier.contains(info.getThreadId())) {
                    fromEarlierChecks++;
                } else {
                    alike.computeIfAbsent(doing(info, learnerPackage), k -> new ArrayList<>()).add(info);
                }
            }
        }
        int shown = 0;
        for (List<ThreadInfo> group : alike.values()) {
            if (shown++ == MAX_GROUPS_SHOWN) {
                int more = alike.values().stream().skip(MAX_GROUPS_SHOWN).mapToInt(List::size).sum();
                text.append("... and ").append(more).append(" more threads doing other things\n");
                break;
            }
            List<String> names = group.stream().map(info -> name(info.getThreadName())).toList();
            text.append(names.size() == 1 ? names.get(0) : names.size() + " threads like this one ("
                    + String.join(", ", names.subList(0, Math.min(names.size(), MAX_NAMES_SHOWN)))
                    + (names.size() > MAX_NAMES_SHOWN ? ", ..." : "") + "):");
            text.append(' ').append(state(group.get(0))).append('\n').append(stack(group.get(0), learnerPackage));
        }
        if (text.isEmpty()) {
            text.append("(no thread of this check is running your code)\n");
        }
        if (fromEarlierChecks > 0) {
            text.append("(not shown: ").append(fromEarlierChecks)
                    .append(fromEarlierChecks == 1 ? " thread" : " threads")
                    .append(" still in your code since an earlier check)\n");
        }
        return text.toString();
    }

    private static boolean isRelevant(ThreadInfo info, String learnerPackage) {
        return info.getThreadId() != Thread.currentThread().threadId() && Arrays.stream(info.getStackTrace())
                .anyMatch(f -> isLearners(f, learnerPackage) || f.getClassName().startsWith("kit.checks."));
    }

    private static boolean isLearners(StackTraceElement frame, String learnerPackage) {
        return frame.getClassName().startsWith(learnerPackage + ".")
                && !frame.getMethodName().startsWith("race$"); // the race detector's bridges, not the learner's code
    }

    /** What a thread is doing, for grouping alike threads: its state and the learner's methods it is in. */
    private static String doing(ThreadInfo info, String learnerPackage) {
        return state(info) + Arrays.stream(info.getStackTrace())
                .filter(f -> isLearners(f, learnerPackage) && !f.getClassName().contains("$$Lambda"))
                .map(f -> " " + f.getClassName() + "." + f.getMethodName()).reduce("", String::concat);
    }

    /** Where a thread is: its top frame and the learner's frames, the monitors and locks it holds. */
    private static String stack(ThreadInfo info, String learnerPackage) {
        StringBuilder text = new StringBuilder();
        StackTraceElement[] stack = info.getStackTrace();
        boolean skipped = false;
        for (int depth = 0; depth < stack.length; depth++) {
            StackTraceElement frame = stack[depth];
            boolean learners = isLearners(frame, learnerPackage);
            if (depth == 0 || learners) {
                if (skipped) {
                    text.append("      ...\n");
                }
                text.append("      at ").append(Frames.format(frame)).append('\n');
                skipped = false;
                for (MonitorInfo held : info.getLockedMonitors()) {
                    if (held.getLockedStackDepth() == depth) {
                        text.append("         (holds the monitor of ").append(held).append(")\n");
                    }
                }
            } else {
                skipped = true;
            }
        }
        if (skipped) {
            text.append("      ... (grader code)\n");
        }
        // A pool's worker holds its own lock while it runs a task (JUnit runs each check so): not the code's lock.
        LockInfo[] held = Arrays.stream(info.getLockedSynchronizers())
                .filter(lock -> !lock.getClassName().equals("java.util.concurrent.ThreadPoolExecutor$Worker"))
                .toArray(LockInfo[]::new);
        for (int i = 0; i < Math.min(held.length, MAX_HELD_SHOWN); i++) {
            text.append("      holds ").append(held[i]).append('\n');
        }
        if (held.length > MAX_HELD_SHOWN) {
            text.append("      holds ").append(held.length - MAX_HELD_SHOWN).append(" more locks\n");
        }
        return text.toString();
    }

    /**
     * A thread's name as the learner reads it, quoted; the thread that runs the check itself (JUnit runs each check on
     * a thread of its own) is "check".
     */
    public static String name(String threadName) {
        return '"' + (threadName.startsWith("junit-timeout-thread") ? "check" : threadName) + '"';
    }

    private static String state(ThreadInfo info) {
        String lock = info.getLockName();
        String owner = info.getLockOwnerName() == null ? "" : ", held by " + name(info.getLockOwnerName());
        return switch (info.getThreadState()) {
            case BLOCKED -> "is BLOCKED, waiting to enter synchronized on " + lock + owner;
            case WAITING, TIMED_WAITING -> {
                String how = info.getThreadState() == Thread.State.TIMED_WAITING ? "with a timeout " : "";
                if (lock == null) {
                    yield "is " + info.getThreadState() + " (sleeping or parked)";
                }
                if (lock.contains("ConditionObject")) {
                    yield "is WAITING " + how + "on a Condition (await) for another thread to signal it";
                }
                if (lock.contains("Sync@") || lock.contains("ReentrantLock")) {
                    yield "is WAITING " + how + "to acquire " + lock + owner;
                }
                yield "is WAITING " + how + "on " + lock + owner + " (wait/join) for another thread to notify it";
            }
            case RUNNABLE -> "is RUNNABLE (running: busy or looping)";
            default -> "is " + info.getThreadState();
        };
    }
}
