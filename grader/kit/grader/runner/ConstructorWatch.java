package kit.grader.runner;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kit.grader.api.Frames;
import kit.grader.api.ThreadReport;

/**
 * A constructor of the learner's that does not return while JUnit makes a check's object: JUnit makes it (a check's
 * fields, such as {@code new ThreadSafeCounter()}) on the runner's thread before the check starts, where no check's
 * time limit runs yet, so nothing else would ever stop it. A correct constructor only sets up and returns in
 * microseconds, so {@link #LIMIT_NANOS} in the learner's code there is enough to tell (a static initializer is
 * {@link ClassInitWatch}'s). The verdict opens with {@link #VERDICT}; the grader then stops the exercise's checks
 * that are left, since each would make the object again.
 */
public final class ConstructorWatch {
    /** How every verdict of this watch opens: the grader's side recognises it by this. */
    public static final String VERDICT = "Your constructor ";
    static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final String learnerPackage;
    private long since = -1;
    private String sinceFor; // the check whose object was being made then

    ConstructorWatch(String learnerPackage) {
        this.learnerPackage = learnerPackage;
    }

    /**
     * Asked between checks, with the stack of the thread that makes the object of the check {@code next}: the verdict
     * once it has been in the learner's constructor for too long; empty until then.
     */
    Optional<String> look(StackTraceElement[] maker, String next, long nowNanos) {
        StackTraceElement constructor = Arrays.stream(maker)
                .filter(f -> f.getClassName().startsWith(learnerPackage + ".") && f.getMethodName().equals("<init>"))
                .reduce((inner, outer) -> outer).orElse(null); // the outermost: the object the check makes
        boolean inClassInit = Arrays.stream(maker).anyMatch(f -> f.getMethodName().equals("<clinit>"));
        if (constructor == null || inClassInit) {
            since = -1;
            return Optional.empty();
        }
        if (since < 0 || !next.equals(sinceFor)) {
            since = nowNanos;
            sinceFor = next;
        }
        if (nowNanos - since < LIMIT_NANOS) {
            return Optional.empty();
        }
        String type = constructor.getClassName().substring(constructor.getClassName().lastIndexOf('.') + 1);
        return Optional.of(VERDICT + "(new " + type + "(...), at " + Frames.format(constructor) + ") has run for "
                + TimeUnit.NANOSECONDS.toSeconds(nowNanos - since) + " s and not returned, while the grader made"
                + " the objects of a check. A constructor runs each time an object is made, and must only set up its"
                + " fields - never wait, sleep, loop or join a thread. The grader stops the checks that are left:"
                + " each would make the object again. What each thread was doing:\n"
                + ThreadReport.describe(learnerPackage));
    }
}
