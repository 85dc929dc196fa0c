package kit.grader.runner;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kit.grader.api.Frames;
import kit.grader.api.ThreadReport;

/**
 * An endless loop seen once is not waited out again: the watchdog stops a check whose JVM used its CPU limit with the
 * learner's code running, and the methods of the learner's code it ran in are kept ({@link KnownStops}); a later
 * check - in this JVM, or one beside it or after it - whose running thread is in one of those methods for
 * {@link #LOOKS} looks in a row, once the check has used {@link #CPU_NANOS} of CPU, is stopped then, naming the check
 * that showed it first, instead of using up its own CPU limit. Only a class that already failed a check for looping
 * is judged so. Called by the check's thread when it starts and by the watchdog on each look.
 */
final class LoopWatch {
    static final int LOOKS = 3;
    static final long CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private final String learnerPackage;
    private final Map<String, String> known = new LinkedHashMap<>(); // a place in the code -> the check that showed it
    private int looksInLoop;

    LoopWatch(String learnerPackage) {
        this.learnerPackage = learnerPackage;
    }

    synchronized void checkStarts(Map<String, String> knownElsewhere) {
        learn(knownElsewhere);
        looksInLoop = 0;
    }

    /** Loops told by the exercise's JVMs ({@link KnownStops}): a place in the code -> the check that showed it. */
    synchronized void learn(Map<String, String> knownElsewhere) {
        knownElsewhere.forEach(known::putIfAbsent);
    }

    /**
     * The methods of the learner's code its running threads are in (innermost or as callers): what a loop stopped now
     * is known by. Methods, not lines: a loop runs over several lines, and calls others while it runs.
     */
    Set<String> running(Map<Thread, StackTraceElement[]> threads) {
        Set<String> places = new LinkedHashSet<>();
        threads.forEach((thread, stack) -> {
            if (thread.getState() == Thread.State.RUNNABLE) {
                for (StackTraceElement frame : stack) {
                    if (frame.getClassName().startsWith(learnerPackage + ".")
                            && !frame.getClassName().contains("$$Lambda")) {
                        places.add(Frames.method(frame));
                    }
                }
            }
        });
        return places;
    }

    /** The verdict once a known loop runs again, after {@code cpuNanos} of the check's CPU; empty until then. */
    synchronized Optional<String> look(Map<Thread, StackTraceElement[]> threads, long cpuNanos) {
        if (known.isEmpty()) {
            return Optional.empty();
        }
        String again = running(threads).stream().filter(known::containsKey).findFirst().orElse(null);
        looksInLoop = again == null ? 0 : looksInLoop + 1;
        if (again == null || looksInLoop < LOOKS || cpuNanos < CPU_NANOS) {
            return Optional.empty();
        }
        return Optional.of("Stopped: the same endless loop as in the check \"" + known.get(again) + "\" - your code"
                + " runs in " + again + " again and does not end. What each thread was doing:\n"
                + ThreadReport.describe(learnerPackage));
    }
}
