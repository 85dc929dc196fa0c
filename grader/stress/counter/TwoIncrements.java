package kit.stress.counter;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import counter.ThreadSafeCounter;
import kit.grader.api.Points;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/** Two threads increment one fresh counter at the same instant; afterwards it must say 2. */
@JCStressTest
@Description("jcstress: two increments at once are both counted")
@Points(2)
@Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments counted")
@Outcome(id = "1", expect = FORBIDDEN, desc = "lost update: both threads read 0 and both wrote 1")
@Outcome(expect = FORBIDDEN, desc = "a count no sequence of two increments gives")
@State
public class TwoIncrements {
    private final ThreadSafeCounter counter = new ThreadSafeCounter();

    @Actor
    public void firstThread() {
        counter.increment();
    }

    @Actor
    public void secondThread() {
        counter.increment();
    }

    @Arbiter
    public void afterBoth(I_Result result) {
        result.r1 = counter.value();
    }
}
