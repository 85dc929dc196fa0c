package kit.grader.runner;

import kit.grader.api.ModelCheck;
import kit.grader.api.Scenario;
import kit.grader.api.ThreadReport;
import kit.grader.api.Threads;
import kit.grader.api.WarmUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * The probe for the checking JVMs' {@link ClassArchive}: checks, run by {@link CheckRunner} like any other, that load
 * what checks use - JUnit, the grader's helpers, and Lincheck with everything a model check loads (Lincheck's
 * agent, Kotlin's reflection), by model-checking a correct counter in each way {@link ModelCheck} offers.
 */
public class CheckJvmTraining {
    public static final List<String> CHECKS = List.of("loadTheCheckingTools", "modelCheckACounter");
    private static final int INTERLEAVINGS = 10;

    @Test
    void loadTheCheckingTools() {
        ThreadReport.describe(CheckJvmTraining.class.getPackageName() + ".training");
        WarmUp.ofLoopIn(CheckJvmTraining.class, "loadTheCheckingTools"); // the MBean server it lists compiled code with
    }

    @Test
    void modelCheckACounter() {
        ModelCheck.verify(Counter.class, 1, INTERLEAVINGS, "the training's counter lost an update");
        List<Scenario> pairs = ModelCheck.everyPairWithAChange(Counter.class, Map.of(
                "increment", ModelCheck.call("increment"), "value", ModelCheck.call("value")),
                List.of("increment"), List.of(), List.of(ModelCheck.call("value")));
        assertEquals("", ModelCheck.findViolation(pairs, INTERLEAVINGS).orElse(""));
        ModelCheck.threadsNeverFail(INTERLEAVINGS, "two threads incremented a counter", "none", () -> {
            Counter counter = new Counter();
            Threads.joinAll(Threads.start(counter::increment), Threads.start(counter::increment));
            assertEquals(2, counter.value());
        });
    }

    /** A correct counter, for Lincheck to model-check (it calls the operations; they must be public). */
    public static class Counter {
        private int count;

        @Operation
        public synchronized void increment() {
            count++;
        }

        @Operation
        public synchronized int value() {
            return count;
        }
    }
}
