package kit.checks.list;

import static kit.grader.api.ModelCheck.call;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import list.ThreadSafeList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import kit.grader.api.Scenario;
import kit.grader.api.Scenario.Call;
import kit.grader.api.ModelCheck;

/**
 * Every call must be atomic: whatever the threads' timing, the outcome must be one that the same calls would have
 * had one after another. Lincheck's model checker tries the interleavings and prints the first that breaks this.
 */
@JvmOptions("-XX:TieredStopAtLevel=1") // Lincheck starts faster without C2; nothing here needs C2
@kit.grader.api.SharedJvm // one JVM for the exercise's model checks and one-thread checks
class ListSharedByThreadsTest {
    /*
     * Budgets, measured (Lincheck is seeded: what a budget catches once it catches on every run). Of the wrong lists in
     * tests/buggy/ whose CAUGHT-BY names a check here, the latest are two pops that check the index or read the
     * element apart from the removal (pop-get-then-remove, pop-index-checked-outside-lock): missed with 20
     * interleavings, caught with 30. Every pair of calls is caught within 15 (pop on another lock: missed with 10).
     * The budgets below are about 2 to 3 times that; a correct class uses the whole budget.
     */
    private static final int INTERLEAVINGS = 50;
    private static final int PAIR_INTERLEAVINGS = 30;

    @Test
    @DisplayName("appends from two threads at the same time are all kept (no lost appends)")
    @Points(2)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void appendsAreNotLost() {
        expectAtomic(ModelCheck.scenario(ListOperations.class)
                        .thread(call("append", 1))
                        .thread(call("append", 2))
                        .after(call("snapshot")),
                "Two threads each called append at the same time; afterwards the list must hold both elements.",
                "append changes the list's size and its array together: do it while holding the lock that every"
                        + " other method holds, so no other thread sees or changes the list half-way.");
    }

    @Test
    @DisplayName("appendIfAbsent is atomic: two threads adding the same value at once add it only once")
    @Points(2)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void appendIfAbsentIsAtomic() {
        expectAtomic(ModelCheck.scenario(ListOperations.class)
                        .thread(call("appendIfAbsent", 7))
                        .thread(call("appendIfAbsent", 7))
                        .after(call("snapshot")),
                "Two threads called appendIfAbsent(7) at the same time on an empty list: exactly one may append"
                        + " (and return true).",
                "check-then-act: \"is 7 absent?\" and \"append 7\" must happen under ONE hold of the lock. Two locked"
                        + " steps in a row are not atomic together - another thread can run between them.");
    }

    @Test
    @DisplayName("pop from two threads at the same time removes two different elements")
    @Points(2)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void popsAreAtomic() {
        String what = "The list was [1, 2]; two threads called pop at the same time. Each must get a different"
                + " element (or IndexOutOfBoundsException if, at its turn, the index is no longer in range).";
        String hint = "pop must check the index, read the element and remove it under one hold of the lock.";
        expectAtomic(ModelCheck.scenario(ListOperations.class)
                        .before(call("append", 1), call("append", 2))
                        .thread(call("pop", 0))
                        .thread(call("pop", 0))
                        .after(call("snapshot")),
                what, hint);
        expectAtomic(ModelCheck.scenario(ListOperations.class)
                        .before(call("append", 1), call("append", 2))
                        .thread(call("pop", 1))
                        .thread(call("pop", 0))
                        .after(call("snapshot")),
                what, hint);
    }

    @Test
    @DisplayName("get sees a whole list while another thread pops (an element or IndexOutOfBoundsException, never a"
            + " half-removed state)")
    @Points(2)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void getIsAtomic() {
        expectAtomic(ModelCheck.scenario(ListOperations.class)
                        .before(call("append", 1), call("append", 2))
                        .thread(call("get", 1))
                        .thread(call("pop", 0)),
                "The list was [1, 2]; one thread called get(1) while another called pop(0). get(1) must return 2"
                        + " (before the pop) or throw IndexOutOfBoundsException (after it).",
                "reading needs the lock too: without it, get can run in the middle of another thread's pop.");
    }

    @Test
    @DisplayName("snapshot is consistent while another thread appends (a copy of the list at one instant)")
    @Points(2)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void snapshotIsAtomic() {
        String what = "One thread took a snapshot while another appended. The snapshot must show the list as it was"
                + " at one instant: before or after each append, with no null that was never appended and no"
                + " exception.";
        String hint = "copy the elements while holding the lock: copying is many reads, and an append between them"
                + " breaks the copy (or makes the iterator throw ConcurrentModificationException).";
        expectAtomic(ModelCheck.scenario(ListOperations.class)
                        .thread(call("snapshot"))
                        .thread(call("append", 1), call("append", 2)),
                what, hint);
        expectAtomic(ModelCheck.scenario(ListOperations.class)
                        .before(call("append", 1))
                        .thread(call("snapshot"))
                        .thread(call("append", 2)),
                what, hint);
    }

    /** The call each operation makes when it runs against another: arguments that make their effects collide. */
    private static final Map<String, Call> CALLS = Map.of("append", call("append", 3), "appendIfAbsent",
            call("appendIfAbsent", 3), "pop", call("pop", 0), "get", call("get", 1), "size", call("size"), "snapshot",
            call("snapshot"));

    @Test
    @DisplayName("every operation is atomic against every change: append, appendIfAbsent, pop, get, size and snapshot"
            + " each at the same time as append, appendIfAbsent and pop")
    @Points(2)
    @TimeLimit(seconds = 120) // model checking a correct class takes a while on a slow or busy machine
    void everyOperationAgainstEveryChange() {
        requireWorksOnOneThread();
        List<Scenario> pairs = ModelCheck.everyPairWithAChange(ListOperations.class, CALLS,
                List.of("append", "appendIfAbsent", "pop"), List.of(call("append", 1), call("append", 2)),
                List.of(call("snapshot"), call("size")));
        ModelCheck.findViolation(pairs, PAIR_INTERLEAVINGS).ifPresent(report -> fail("The list was [1, 2];"
                + " two threads each made one call at the same time - every pair was tried: " + pairs.stream()
                        .map(Scenario::parallelPart).collect(Collectors.joining("; ")) + ". Each call must act"
                + " as if it ran alone, before or after the other.\nLincheck found an interleaving whose results no"
                + " one-call-at-a-time order could give (its scenario is below).\nHint: every method reads or changes"
                + " the list's size and array together: do all of it while holding the one lock that every other"
                + " method holds - a method on another lock, or on none, can run in the middle of any other.\n\n"
                + report));
    }

    private static void expectAtomic(Scenario scenario, String whatWasTried, String hint) {
        requireWorksOnOneThread();
        scenario.findViolation(INTERLEAVINGS).ifPresent(report -> fail(whatWasTried
                + "\nLincheck found an interleaving whose results no one-call-at-a-time order could give.\n"
                + "Hint: " + hint + "\n\n" + report));
    }

    /** A concurrency check of a list that is wrong on one thread would only repeat the one-thread checks' verdict. */
    private static void requireWorksOnOneThread() {
        try {
            var list = new ThreadSafeList<Integer>();
            list.append(1);
            list.append(2);
            boolean works = list.get(1) == 2 && list.appendIfAbsent(3) && !list.appendIfAbsent(3)
                    && list.pop(0) == 1 && list.size() == 2 && list.snapshot().equals(List.of(2, 3));
            if (!works) {
                fail("Not checked across threads yet: on one thread, append/get/pop/appendIfAbsent/snapshot do not"
                        + " behave like a list. Make the one-thread checks pass first.");
            }
        } catch (RuntimeException e) {
            fail("Not checked across threads yet: on one thread, the list throws " + e
                    + ". Make the one-thread checks pass first.");
        }
    }
}
