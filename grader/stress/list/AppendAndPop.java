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
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * On a list holding "a", one thread appends "b" while another pops index 0. Whichever goes first, pop(0) returns
 * "a" and the list ends as [b]. The outcome is (what pop returned, or the exception it threw; the elements left,
 * separated by "/", or "empty"). (Outcome ids are regular expressions, so they avoid brackets.)
 */
@JCStressTest
@Description("jcstress: append and pop at once")
@Points(2)
@Outcome(id = "a, b", expect = ACCEPTABLE, desc = "pop took a, the append was kept")
@Outcome(id = "a, empty", expect = FORBIDDEN, desc = "lost append: the pop's shift overwrote it")
@Outcome(expect = FORBIDDEN, desc = "no order of the two calls gives these results")
@State
public class AppendAndPop {
    private final ThreadSafeList<String> list = new ThreadSafeList<>();

    public AppendAndPop() {
        list.append("a");
    }

    @Actor
    public void appending() {
        list.append("b");
    }

    @Actor
    public void popping(LL_Result result) {
        try {
            result.r1 = list.pop(0);
        } catch (RuntimeException e) {
            result.r1 = e.getClass().getSimpleName();
        }
    }

    @Arbiter
    public void afterBoth(LL_Result result) {
        result.r2 = list.size() == 0 ? "empty" : String.join("/", list.snapshot());
    }
}
