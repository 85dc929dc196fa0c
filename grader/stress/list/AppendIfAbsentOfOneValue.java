package kit.stress.list;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import kit.grader.api.Points;
import list.ThreadSafeList;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZI_Result;

/**
 * On a fresh empty list, two threads call appendIfAbsent("x") at once: exactly one may append it. The outcome is
 * (first call appended, second call appended, the size afterwards).
 */
@JCStressTest
@Description("jcstress: appendIfAbsent of one value from two threads appends it once")
@Points(2)
@Outcome(id = {"true, false, 1", "false, true, 1"}, expect = ACCEPTABLE, desc = "one appended, the other saw it")
@Outcome(id = "true, true, 2", expect = FORBIDDEN, desc = "both appended: both checked before either appended")
@Outcome(expect = FORBIDDEN, desc = "no order of the two calls gives these results")
@State
public class AppendIfAbsentOfOneValue {
    private final ThreadSafeList<String> list = new ThreadSafeList<>();

    @Actor
    public void firstThread(ZZI_Result result) {
        result.r1 = list.appendIfAbsent("x");
    }

    @Actor
    public void secondThread(ZZI_Result result) {
        result.r2 = list.appendIfAbsent("x");
    }

    @Arbiter
    public void afterBoth(ZZI_Result result) {
        result.r3 = list.size();
    }
}
