package kit.grader.runner;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kit.grader.api.ThreadReport;

/**
 * A static initializer of the learner's that does not finish: the class stays "being initialized" in this JVM for
 * good, every thread that touches it waits, and every check of every JVM would wait its time limit out. A correct
 * static initializer takes microseconds, so {@link #LIMIT_NANOS} in one is enough to tell; the verdict opens with
 * {@link #VERDICT}, and the grader then stops the exercise's checks that are left (they could not use the class).
 */
public final class ClassInitWatch {
    /** How every verdict of this watch opens: the grader's side recognises it by this. */
    public static final String VERDICT = "The static initializer of ";
    static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final String learnerPackage;
    private final Map<String, Long> since = new HashMap<>(); // thread id + class -> when it was first seen in <clinit>

    ClassInitWatch(String learnerPackage) {
        this.learnerPackage = learnerPackage;
    }

    /** The verdict once a thread has been in a learner's class's static initializer for too long; empty until then. */
    Optional<String> look(Map<Thread, StackTraceElement[]> threads, long nowNanos) {
        Map<String, Long> seen = new HashMap<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : threads.entrySet()) {
            for (StackTraceElement frame : e.getValue()) {
                if (frame.getMethodName().equals("<clinit>") && frame.getClassName().startsWith(learnerPackage + ".")) {
                    String key = e.getKey().threadId() + " " + frame.getClassName();
                    long first = since.getOrDefault(key, nowNanos);
                    seen.put(key, first);
                    if (nowNanos - first >= LIMIT_NANOS) {
                        return Optional.of(verdict(frame.getClassName(), nowNanos - first));
                    }
                }
            }
        }
        since.keySet().retainAll(seen.keySet());
        since.putAll(seen);
        return Optional.empty();
    }

    private String verdict(String className, long nanos) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return VERDICT + simple + " (its static fields' initial values and its static { } blocks) has run for "
                + TimeUnit.NANOSECONDS.toSeconds(nanos) + " s and not finished, so the class can never be used: every"
                + " thread that touches it waits until it has. It runs once, when the class is first used, and must"
                + " only set up - never wait, sleep, loop or join a thread that uses the class. The grader stops"
                + " the checks that are left: none of them could use the class. Where it is:\n"
                + ThreadReport.describe(learnerPackage);
    }
}
