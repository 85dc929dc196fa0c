package kit.grader.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A real-thread check takes its verdict from the model checks of its contract: each model check runs once per JVM
 * (a second real-thread check costs nothing), its failure is thrown again, and the failing ones are named by their
 * DisplayName.
 */
class ModelVerdictsTest {
    /** Stand-ins for a check class: only their DisplayNames are read. */
    static final class Checks {
        @DisplayName("the passing model check")
        void passes() {}

        @DisplayName("the failing model check")
        void fails() {}

        @DisplayName("a model check that fails twice")
        void failsTwice() {}
    }

    @Test
    void aModelCheckRunsOncePerJvmAndItsFailureIsThrownAgain() {
        AtomicInteger runs = new AtomicInteger();
        AssertionError failure = new AssertionError("an interleaving that loses an update");
        Runnable failing = () -> {
            runs.incrementAndGet();
            throw failure;
        };
        assertSame(failure, assertThrows(AssertionError.class, () -> ModelVerdicts.check(Checks.class,
                "failsTwice", failing)));
        assertSame(failure, assertThrows(AssertionError.class, () -> ModelVerdicts.check(Checks.class,
                "failsTwice", failing)));
        assertEquals(1, runs.get(), "run once, remembered after");
    }

    @Test
    void aRealThreadCheckLearnsWhichModelChecksFailByTheirNames() {
        AtomicInteger passingRuns = new AtomicInteger();
        Map<String, Runnable> checks = new LinkedHashMap<>();
        checks.put("passes", passingRuns::incrementAndGet);
        checks.put("fails", () -> {
            throw new AssertionError("hung");
        });
        assertEquals(List.of("the failing model check"), ModelVerdicts.failing(Checks.class, checks));
        assertEquals(List.of("the failing model check"), ModelVerdicts.failing(Checks.class, checks));
        assertEquals(1, passingRuns.get(), "a model check that passed is not run again");
        String told = ModelVerdicts.shownBy(ModelVerdicts.failing(Checks.class, checks));
        assertTrue(told.contains("see the check \"the failing model check\"") && told.contains("Real threads did not"
                + " show it this time"), told);
    }
}
