package kit.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import kit.grader.api.Points;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LI_Result;
import queue.ThreadSafeQueue;

/**
 * On a fresh empty queue, one thread puts "x" while another calls take(), which waits for it if it comes first.
 * The outcome is (what take returned, the size afterwards).
 */
@JCStressTest
@Description("jcstress: take() on an empty queue gets the item a put() at the same time adds")
@Points(2)
@Outcome(id = "x, 0", expect = ACCEPTABLE, desc = "take got the item (waiting for it, or after it came)")
@Outcome(expect = FORBIDDEN, desc = "take returned something else, or the item stayed or vanished")
@State
public class PutAndTake {
    private final ThreadSafeQueue<String> queue = new ThreadSafeQueue<>();

    @Actor
    public void putting() {
        queue.put("x");
    }

    @Actor
    public void taking(LI_Result result) {
        try {
            result.r1 = queue.take();
        } catch (InterruptedException e) {
            result.r1 = "interrupted";
        }
    }

    @Arbiter
    public void afterBoth(LI_Result result) {
        result.r2 = queue.size();
    }
}
