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
import org.openjdk.jcstress.infra.results.ZZI_Result;

/**
 * On a fresh AtomicInt(0), two threads race compareAndSet(0, 1) against compareAndSet(0, 2): exactly one may win.
 * The outcome is (first thread won, second thread won, the value afterwards).
 */
@JCStressTest
@Description("jcstress: of two compareAndSet(0, ...) at once, exactly one wins")
@Points(2)
@Outcome(id = "true, false, 1", expect = ACCEPTABLE, desc = "the first thread won, the second saw 1 and failed")
@Outcome(id = "false, true, 2", expect = ACCEPTABLE, desc = "the second thread won, the first saw 2 and failed")
@Outcome(id = {"true, true, 1", "true, true, 2"}, expect = FORBIDDEN,
        desc = "both won: both saw 0 before either set its value")
@Outcome(expect = FORBIDDEN, desc = "no order of the two calls gives these results")
@State
public class TwoCompareAndSets {
    private final AtomicInt value = new AtomicInt(0);

    @Actor
    public void setsOne(ZZI_Result result) {
        result.r1 = value.compareAndSet(0, 1);
    }

    @Actor
    public void setsTwo(ZZI_Result result) {
        result.r2 = value.compareAndSet(0, 2);
    }

    @Arbiter
    public void afterBoth(ZZI_Result result) {
        result.r3 = value.value();
    }
}
