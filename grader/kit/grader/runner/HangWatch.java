package kit.grader.runner;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kit.grader.api.ThreadReport;

/**
 * Watches every call into the learner's code, one-thread checks included: when a call waits and no thread can go on
 * ({@link Hang}) for {@link #QUIET_NANOS}, the check is told at once - with what it waits for and the threads' dump -
 * instead of waiting out its time limit. A correct class never shows this state for long: a thread that has just been
 * woken shows as waiting only until it gets a CPU, which takes milliseconds even on a busy machine; and threads that
 * hand a lock to each other (a fair lock) may each be waiting at every look, but they use CPU between looks, which a
 * hang never does.
 *
 * <p>A hang seen once is known: the same wait (the same place in the learner's code, the same kind of wait) seen by a
 * later check of this JVM is told after {@link #KNOWN_QUIET_NANOS}, naming the check that showed it first - the checks
 * left do not each wait it out again.
 */
final class HangWatch {
    /** How long every thread must wait, none able to go on, before it is a hang. */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);
    /** The same for a wait already told in an earlier check: it is no surprise any more. */
    static final long KNOWN_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final String learnerPackage;
    private final Set<Long> notInPlay = new HashSet<>();
    private final Map<String, String> known = new LinkedHashMap<>(); // a wait's signature -> the check that showed it
    private long quietSince = -1;
    private long waitersCpu;
    private Set<String> told = Set.of();

    /** {@code own}: the threads that are never in play - the JVM's own and the runner's, alive before any check. */
    HangWatch(String learnerPackage, Map<Thread, StackTraceElement[]> own) {
        this.learnerPackage = learnerPackage;
        own.keySet().forEach(t -> notInPlay.add(t.threadId()));
    }

    /**
     * A check starts: threads still waiting in the learner's code since an earlier check (parked for good) are not
     * part of its story, and {@code runner} (the thread that waits for the check to end) wakes no one.
     */
    void checkStarts(Map<Thread, StackTraceElement[]> threads, Thread runner) {
        quietSince = -1;
        notInPlay.add(runner.threadId());
        threads.forEach((thread, stack) -> {
            Thread.State state = thread.getState();
            if ((state == Thread.State.WAITING || state == Thread.State.BLOCKED) && Arrays.stream(stack)
                    .anyMatch(f -> f.getClassName().startsWith(learnerPackage + "."))) {
                notInPlay.add(thread.threadId());
            }
        });
    }

    /** Waits told by other JVMs of the exercise ({@link KnownStops}): signature -> the check that showed it. */
    void learn(Map<String, String> knownElsewhere) {
        knownElsewhere.forEach(known::putIfAbsent);
    }

    /** The signatures of the waits in the last hang told. */
    Set<String> told() {
        return told;
    }

    /** What the learner reads once the hang is sure (then the watch starts over); empty until then. */
    Optional<String> look(Map<Thread, StackTraceElement[]> threads, long nowNanos, String checkName) {
        Optional<Hang> hang = Hang.look(threads, learnerPackage, notInPlay);
        if (hang.isEmpty()) {
            quietSince = -1;
            return Optional.empty();
        }
        long cpu = hang.get().waitersCpuNanos();
        if (quietSince < 0 || cpu != waitersCpu) { // new, or the waiting threads ran since the last look: it moves
            quietSince = nowNanos;
        }
        waitersCpu = cpu;
        long quiet = nowNanos - quietSince;
        Set<String> signatures = hang.get().signatures();
        String seenIn = known.get(signatures.iterator().next());
        boolean allKnown = known.keySet().containsAll(signatures);
        if (quiet < QUIET_NANOS && !(allKnown && quiet >= KNOWN_QUIET_NANOS)) {
            return Optional.empty();
        }
        quietSince = -1;
        told = signatures;
        signatures.forEach(s -> known.putIfAbsent(s, checkName));
        StringBuilder text = new StringBuilder(allKnown
                ? "Stopped: the same wait as in the check \"" + seenIn + "\" - it never ends:\n"
                : String.format(Locale.ROOT, "Stopped after %.1f s of every thread waiting: your code waits for"
                        + " something no thread can ever give it, so the check would wait for good.%n", quiet / 1e9));
        for (Hang.Waiter waiter : hang.get().waiters()) {
            text.append("- ").append(waiter.line(hang.get().waiters().size() > 1)).append('\n');
        }
        return Optional.of(text.append("What each thread was doing:\n").append(ThreadReport.describe(learnerPackage))
                .toString());
    }
}
