package kit.checks.boundedbuffer;

import boundedbuffer.BoundedBuffer;
import java.util.List;
import kit.grader.api.DataRaces;
import kit.grader.api.DataRaces.Operation;
import kit.grader.api.DetectsRaces;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rule itself, not its symptoms: every pair of conflicting accesses to the buffer's state (its fields, and the
 * java.util collection it keeps, taken whole) is ordered by happens-before. Two threads take turns calling every
 * method in every order, on a buffer too large to fill (a take right after a put of the same thread, so that no
 * call waits); the race detector watches the accesses, so that producers and consumers under two different locks
 * are found on any CPU, although they lose no item there.
 */
@DetectsRaces
@JvmOptions("-XX:TieredStopAtLevel=1") // a few hundred calls: C1 is enough, and starts sooner
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS)
public class BufferRaceTest {
    /** More than the puts of the scenario, so that no put waits. */
    private static final int CAPACITY = 100;

    @Test
    @DisplayName("No data race: every conflicting access is ordered (Java Memory Model)")
    @Points(2)
    void noDataRace() {
        DataRaces.assertNoRace("Threads A and B called put, take, size and capacity one after the other, in every"
                + " order, on a BoundedBuffer(" + CAPACITY + ") (each take right after a put of the same thread,"
                + " so that no call had to wait)", DataRaces.everyPair(() -> new BoundedBuffer<Integer>(CAPACITY),
                        List.<Operation<BoundedBuffer<Integer>>>of(
                                Operation.of("put(1)", buffer -> buffer.put(1)),
                                Operation.after("put(2)", buffer -> buffer.put(2), "take()", BoundedBuffer::take),
                                Operation.of("size()", BoundedBuffer::size),
                                Operation.of("capacity()", BoundedBuffer::capacity))));
    }
}
