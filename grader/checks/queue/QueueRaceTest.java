package kit.checks.queue;

import java.time.Duration;
import java.util.List;
import kit.grader.api.DataRaces;
import kit.grader.api.DataRaces.Operation;
import kit.grader.api.DetectsRaces;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import queue.ThreadSafeQueue;

/**
 * The rule itself, not its symptoms: every pair of conflicting accesses to the queue's state (its fields, and the
 * java.util collection it keeps, taken whole) is ordered by happens-before. Two threads take turns calling every
 * method in every order (a take or poll right after a put of the same thread, so that no call waits); the race detector
 * watches the accesses, so that a producer and a consumer under two different locks are found on any CPU.
 */
@DetectsRaces
@JvmOptions("-XX:TieredStopAtLevel=1") // a few hundred calls: C1 is enough, and starts sooner
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS)
public class QueueRaceTest {
    @Test
    @DisplayName("No data race: every conflicting access is ordered (Java Memory Model)")
    @Points(2)
    void noDataRace() {
        DataRaces.assertNoRace("Threads A and B called put, take, poll and size one after the other, in every"
                + " order (each take and poll right after a put of the same thread, so that no call had to wait)",
                DataRaces.everyPair(ThreadSafeQueue<Integer>::new, List.<Operation<ThreadSafeQueue<Integer>>>of(
                        Operation.of("put(1)", queue -> queue.put(1)),
                        Operation.after("put(2)", queue -> queue.put(2), "take()", ThreadSafeQueue::take),
                        Operation.after("put(3)", queue -> queue.put(3), "poll(0 s)",
                                queue -> queue.poll(Duration.ZERO)),
                        Operation.of("size()", ThreadSafeQueue::size))));
    }
}
