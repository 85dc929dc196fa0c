package kit.grader.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Check classes run in JVMs side by side, and their results arrive in any order; the learner must read them in the
 * classes' order on every run, and the first unfinished class's results as they come.
 */
class ResultOrderTest {
    /** A check class {@code name} with {@code count} checks named {@code name.1}, {@code name.2}, ... */
    private static CheckDiscovery.CheckClass checkClass(String name, int count) {
        List<Check> checks = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Check("kit.checks.counter." + name, "m" + i, name + "." + i, 1, 10, 10)).toList();
        return new CheckDiscovery.CheckClass(checks, List.of(), false);
    }

    private static final List<CheckDiscovery.CheckClass> CLASSES = List.of(checkClass("A", 2), checkClass("B", 1),
            checkClass("C", 2));

    private final List<String> shown = Collections.synchronizedList(new ArrayList<>());
    private final ResultOrder order = new ResultOrder(CLASSES, result -> shown.add(result.name()));

    private void finish(String checkName) {
        for (CheckDiscovery.CheckClass c : CLASSES) {
            for (Check check : c.checks()) {
                if (check.name().equals(checkName)) {
                    order.accept(check, CheckResult.passed(check.name(), check.points()));
                    return;
                }
            }
        }
        throw new IllegalArgumentException(checkName);
    }

    @Test
    void theFirstClassesResultsPassStraightThrough() {
        finish("A.1");
        assertEquals(List.of("A.1"), shown);
    }

    @Test
    void laterClassesWaitForEveryClassBeforeThem() {
        finish("C.2");
        finish("B.1");
        finish("C.1");
        assertEquals(List.of(), shown, "nothing of B or C before A is done");
        finish("A.2");
        assertEquals(List.of("A.2"), shown, "A is not done yet: B waits");
        finish("A.1");
        assertEquals(List.of("A.2", "A.1", "B.1", "C.2", "C.1"), shown,
                "A's in the order they came, then B's and C's held back");
    }

    @Test
    void onceEarlierClassesAreDoneALaterOnesResultsPassStraightThrough() {
        finish("A.1");
        finish("A.2");
        finish("B.1");
        finish("C.1");
        assertEquals(List.of("A.1", "A.2", "B.1", "C.1"), shown);
        finish("C.2");
        assertEquals(List.of("A.1", "A.2", "B.1", "C.1", "C.2"), shown);
    }

    @Test
    void fromManyThreadsInAnyOrderEveryResultIsShownOnceInClassOrder() throws InterruptedException {
        List<String> names = new ArrayList<>(List.of("A.1", "A.2", "B.1", "C.1", "C.2"));
        Collections.shuffle(names, new Random(18));
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = names.stream().map(name -> Thread.ofPlatform().start(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finish(name);
        })).toList();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(5, shown.size(), shown::toString);
        assertEquals(List.of("A", "A", "B", "C", "C"), shown.stream().map(n -> n.substring(0, 1)).toList(),
                shown::toString);
    }
}
