package kit.stress.boundedbuffer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import boundedbuffer.BoundedBuffer;
import kit.grader.api.Points;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ILL_Result;

/**
 * A buffer of capacity 1 already holds "a". One thread puts "b" - it must wait until there is room - while another
 * takes. The outcome is (the size the putter sees right after its put returned, what take returned, what is left).
 */
@JCStressTest
@Description("jcstress: put on a full buffer waits for a take at the same time")
@Points(2)
@Outcome(id = "1, a, b", expect = ACCEPTABLE, desc = "put waited for the take's room: never more than 1 item")
@Outcome(id = "2, a, b", expect = FORBIDDEN, desc = "put did not wait: the buffer held 2 items, over its capacity")
@Outcome(expect = FORBIDDEN, desc = "an item was lost or taken twice")
@State
public class PutOnFullAndTake {
    private final BoundedBuffer<String> buffer = new BoundedBuffer<>(1);

    public PutOnFullAndTake() {
        try {
            buffer.put("a");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Actor
    public void putting(ILL_Result result) {
        try {
            buffer.put("b");
            result.r1 = buffer.size();
        } catch (InterruptedException e) {
            result.r1 = -1;
        }
    }

    @Actor
    public void taking(ILL_Result result) {
        try {
            result.r2 = buffer.take();
        } catch (InterruptedException e) {
            result.r2 = "interrupted";
        }
    }

    @Arbiter
    public void afterBoth(ILL_Result result) {
        try {
            result.r3 = buffer.size() == 1 ? buffer.take() : "size " + buffer.size();
        } catch (InterruptedException e) {
            result.r3 = "interrupted";
        }
    }
}
