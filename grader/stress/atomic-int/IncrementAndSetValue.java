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
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * On a fresh AtomicInt(0), one thread calls increment(1) while another calls setValue(10). The outcome is
 * (what increment returned, the value afterwards).
 */
@JCStressTest
@Description("jcstress: increment(1) and setValue(10) at once")
@Points(2)
@Outcome(id = "1, 10", expect = ACCEPTABLE, desc = "increment first (0 -> 1), then setValue(10)")
@Outcome(id = "11, 11", expect = ACCEPTABLE, desc = "setValue(10) first, then increment (10 -> 11)")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "lost write: setValue(10) fell inside the increment and was lost")
@Outcome(expect = FORBIDDEN, desc = "no order of the two calls gives these results")
@State
public class IncrementAndSetValue {
    private final AtomicInt value = new AtomicInt(0);

    @Actor
    public void incrementing(II_Result result) {
        result.r1 = value.increment(1);
    }

    @Actor
    public void setting() {
        value.setValue(10);
    }

    @Arbiter
    public void afterBoth(II_Result result) {
        result.r2 = value.value();
    }
}
