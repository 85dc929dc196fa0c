package kit.stress.stopflag;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import kit.grader.api.Points;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import stopflag.StoppableWorker;

/**
 * jcstress's termination mode: the actor runs the worker (its task does nothing), then the signal calls stop() from
 * another thread. The worker must return: jcstress records TERMINATED, or STALE if it still ran after a while.
 */
@JCStressTest(Mode.Termination)
@Description("jcstress: run() returns after stop() from another thread")
@Points(2)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "run() saw the stop and returned")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "run() never saw the stop: it still spins")
@State
public class StopEndsTheWorker {
    private final StoppableWorker worker = new StoppableWorker(() -> { });

    @Actor
    public void running() {
        worker.run();
    }

    @Signal
    public void stopping() {
        worker.stop();
    }
}
