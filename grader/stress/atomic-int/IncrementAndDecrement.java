package kit.stress.atomicint;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import atomicint.AtomicInt;
import kit.grader.api.Points;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * On a fresh AtomicInt(0), one thread calls increment(1) while another calls decrement(1). The outcome is
 * (what increment returned, what decrement returned, the value afterwards).
 */
@JCStressTest
@Description("jcstress: increment(1) and decrement(1) at once")
@Points(2)
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "increment first (0 -> 1), then decrement (1 -> 0)")
@Outcome(id = "0, -1, 0", expect = ACCEPTABLE, desc = "decrement first (0 -> -1), then increment (-1 -> 0)")
@Outcome(id = {"1, -1, 1", "1, -1, -1"}, expect = FORBIDDEN,
        desc = "lost update: both read 0, and the last write wins")
@Outcome(expect = FORBIDDEN, desc = "no order of the two calls gives these results")
@State
public class IncrementAndDecrement {
    private final AtomicInt value = new AtomicInt(0);

    @Actor
    public void incrementing(III_Result result) {
        result.r1 = value.increment(1);
    }

    @Actor
    public void decrementing(III_Result result) {
        result.r2 = value.decrement(1);
    }

    @Arbiter
    public void afterBoth(III_Result result) {
        result.r3 = value.value();
    }
}
