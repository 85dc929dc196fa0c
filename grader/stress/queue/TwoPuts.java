package kit.stress.queue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import kit.grader.api.Points;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLI_Result;
import queue.ThreadSafeQueue;

/**
 * On a fresh empty queue, two threads put "a" and "b" at once; afterwards the queue must hold both, in either
 * order. The outcome is (first item polled, second item polled, the size before polling).
 */
@JCStressTest
@Description("jcstress: two puts at once keep both items")
@Points(2)
@Outcome(id = {"a, b, 2", "b, a, 2"}, expect = ACCEPTABLE, desc = "both items kept")
@Outcome(expect = FORBIDDEN, desc = "an item was lost or the queue was corrupted")
@State
public class TwoPuts {
    private final ThreadSafeQueue<String> queue = new ThreadSafeQueue<>();

    @Actor
    public void puttingA() {
        queue.put("a");
    }

    @Actor
    public void puttingB() {
        queue.put("b");
    }

    @Arbiter
    public void afterBoth(LLI_Result result) {
        result.r3 = queue.size();
        try {
            result.r1 = queue.poll(Duration.ZERO).orElse(null);
            result.r2 = queue.poll(Duration.ZERO).orElse(null);
        } catch (InterruptedException | RuntimeException e) {
            result.r1 = e.getClass().getSimpleName();
        }
    }
}
