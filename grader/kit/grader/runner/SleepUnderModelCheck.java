package kit.grader.runner;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kit.grader.api.Frames;
import kit.grader.api.ThreadReport;

/**
 * The learner's code sleeping while the model checker runs it: Lincheck replays the calls under hundreds of
 * interleavings, and every {@code Thread.sleep} in them sleeps for real, so a class that sleeps and looks again (which
 * a correct class of these exercises never does) keeps a model check busy for minutes - Lincheck tells a loop that
 * never ends only after many of its turns, each with its sleep. Seen asleep in {@link #ASLEEP_SHARE} of the watchdog's
 * looks once the model check has run {@link #LOOKS} looks (3 s at its pace), it is told then. A short sleep once per
 * call (the deadlock submission's 5 ms) lets the model check end sooner, and a busy machine stretches Lincheck's own
 * work, not the sleeps. A sleep told once in the exercise (in this JVM or another, {@link KnownStops}) is told after
 * {@link #KNOWN_LOOKS} looks when the same method sleeps again.
 */
final class SleepUnderModelCheck {
    static final int LOOKS = 30;
    /** The looks for a sleep already told in this exercise (KnownStops): it is no surprise any more. */
    static final int KNOWN_LOOKS = 5;
    static final double ASLEEP_SHARE = 0.8;
    private static final String MODEL_CHECK = "kit.grader.api.ModelCheck";

    private final String learnerPackage;
    private final Set<String> known = ConcurrentHashMap.newKeySet(); // the learner's methods that slept so
    private int looks;
    private int asleep;
    private volatile String toldPlace;

    SleepUnderModelCheck(String learnerPackage) {
        this.learnerPackage = learnerPackage;
    }

    void checkStarts() {
        looks = 0;
        asleep = 0;
    }

    /** Sleeps told by the exercise's JVMs ({@link KnownStops}): the learner's methods they slept in. */
    void learn(Collection<String> places) {
        known.addAll(places);
    }

    /** The learner's method the last sleep told slept in. */
    String toldPlace() {
        return toldPlace;
    }

    /** The verdict once the code has been seen asleep under the model checker often enough; empty until then. */
    Optional<String> look(Map<Thread, StackTraceElement[]> threads) {
        boolean modelChecking = threads.values().stream()
                .anyMatch(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().equals(MODEL_CHECK)));
        if (!modelChecking) {
            return Optional.empty();
        }
        looks++;
        StackTraceElement sleeper = threads.values().stream().map(this::sleepsInCode).filter(f -> f != null)
                .findFirst().orElse(null);
        if (sleeper != null) {
            asleep++;
            String place = Frames.method(sleeper);
            if (looks >= (known.contains(place) ? KNOWN_LOOKS : LOOKS) && asleep >= looks * ASLEEP_SHARE) {
                toldPlace = place;
                return Optional.of("Stopped: while the model checker tried this check's interleavings, your code"
                        + " slept (Thread.sleep in " + sleeper.getMethodName() + ", " + Frames.format(sleeper)
                        .replaceFirst("^.*\\(", "").replace(")", "") + "). It sleeps for real in each of the hundreds"
                        + " of interleavings the model checker tries, so the check would take minutes. A thread that"
                        + " waits for a change must wait on a condition (await, or wait()) that the thread making the"
                        + " change signals - never sleep and look again. What each thread was doing:\n"
                        + ThreadReport.describe(learnerPackage));
            }
        }
        return Optional.empty();
    }

    /** The learner's frame that called Thread.sleep, if this thread sleeps there; else null. */
    private StackTraceElement sleepsInCode(StackTraceElement[] stack) {
        if (stack.length == 0 || !stack[0].getClassName().equals("java.lang.Thread")
                || !stack[0].getMethodName().startsWith("sleep")) {
            return null;
        }
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                    || type.startsWith("org.jetbrains.") || type.startsWith("kotlin"))) { // Lincheck's own frames too
                return type.startsWith(learnerPackage + ".") ? frame : null;
            }
        }
        return null;
    }
}
