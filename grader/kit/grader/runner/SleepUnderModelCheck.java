package kit.grader.runner;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
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
 * last {@link #LOOKS} looks under the model check (3 s at its pace), it is told then. Only the last looks count: the
 * looks while Lincheck starts (a second or more on one CPU), counted with the rest from the check's start, kept the
 * share under 80% for many seconds more (up to 18 s on one CPU). A short sleep once per call (the deadlock
 * submission's 5 ms) lets the model check end sooner, and a busy machine stretches Lincheck's own work, not the
 * sleeps. A sleep told once in the exercise (in this JVM or another, {@link KnownStops}) is told after
 * {@link #KNOWN_LOOKS} such looks when the same method sleeps again. Once told, the verdict stays until the check
 * ends, and {@link #sleepers} names the threads that sleep, for the runner to end the model check.
 */
final class SleepUnderModelCheck {
    static final int LOOKS = 30;
    /** The looks for a sleep already told in this exercise (KnownStops): it is no surprise any more. */
    static final int KNOWN_LOOKS = 5;
    static final double ASLEEP_SHARE = 0.8;
    private static final String MODEL_CHECK = "kit.grader.api.ModelCheck";

    private final String learnerPackage;
    private final Set<String> known = ConcurrentHashMap.newKeySet(); // the learner's methods that slept so
    /** Whether the code was asleep at each of the last {@link #LOOKS} looks under a model check. */
    private final Deque<Boolean> lastLooks = new ArrayDeque<>(); // guarded by this, as told is
    private Optional<String> told = Optional.empty();
    private volatile String toldPlace;

    SleepUnderModelCheck(String learnerPackage) {
        this.learnerPackage = learnerPackage;
    }

    synchronized void checkStarts() {
        lastLooks.clear();
        told = Optional.empty();
    }

    /** Sleeps told by the exercise's JVMs ({@link KnownStops}): the learner's methods they slept in. */
    void learn(Collection<String> places) {
        known.addAll(places);
    }

    /** The learner's method the last sleep told slept in. */
    String toldPlace() {
        return toldPlace;
    }

    /**
     * The verdict once the code has been seen asleep under the model checker often enough, and from then on until the
     * check ends; empty until then.
     */
    synchronized Optional<String> look(Map<Thread, StackTraceElement[]> threads) {
        if (told.isPresent()) {
            return told;
        }
        boolean modelChecking = threads.values().stream()
                .anyMatch(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().equals(MODEL_CHECK)));
        if (!modelChecking) {
            return Optional.empty();
        }
        StackTraceElement sleeper = threads.values().stream().map(this::sleepsInCode).filter(f -> f != null)
                .findFirst().orElse(null);
        lastLooks.addLast(sleeper != null);
        if (lastLooks.size() > LOOKS) {
            lastLooks.removeFirst();
        }
        String place = sleeper == null ? null : Frames.method(sleeper);
        if (sleeper == null || !asleepInMost(known.contains(place) ? KNOWN_LOOKS : LOOKS)) {
            return Optional.empty();
        }
        toldPlace = place;
        known.add(place); // the checks after this one in this JVM tell it sooner too
        told = Optional.of("Stopped: while the model checker tried this check's interleavings, your code slept"
                + " (Thread.sleep in " + sleeper.getMethodName() + ", " + Frames.format(sleeper)
                .replaceFirst("^.*\\(", "").replace(")", "") + "). It sleeps for real in each of the hundreds of"
                + " interleavings the model checker tries, so the check would take minutes. A thread that waits for a"
                + " change must wait on a condition (await, or wait()) that the thread making the change signals -"
                + " never sleep and look again. What each thread was doing:\n"
                + ThreadReport.describe(learnerPackage));
        return told;
    }

    /** Whether the last {@code looks} looks were that many, and the code asleep in {@link #ASLEEP_SHARE} of them. */
    private boolean asleepInMost(int looks) {
        if (lastLooks.size() < looks) {
            return false;
        }
        long asleep = lastLooks.stream().skip(lastLooks.size() - looks).filter(Boolean::booleanValue).count();
        return asleep >= looks * ASLEEP_SHARE;
    }

    /** The threads asleep in the learner's code now. */
    List<Thread> sleepers(Map<Thread, StackTraceElement[]> threads) {
        return threads.entrySet().stream().filter(e -> sleepsInCode(e.getValue()) != null).map(Map.Entry::getKey)
                .toList();
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
