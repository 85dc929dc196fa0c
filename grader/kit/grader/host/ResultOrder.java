package kit.grader.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Passes on the results of check classes that run at the same time in the order of the classes, so the learner
 * reads them in the same order on every run: the results of the first unfinished class as they come, those of
 * later classes once every class before them is done.
 */
final class ResultOrder {
    private final List<String> classOrder;
    private final Map<String, Integer> awaited = new HashMap<>();
    private final Map<String, List<CheckResult>> held = new HashMap<>();
    private final Consumer<CheckResult> next;
    private int current;

    ResultOrder(List<CheckDiscovery.CheckClass> classes, Consumer<CheckResult> next) {
        this.classOrder = classes.stream().map(c -> c.checks().get(0).className()).toList();
        classes.forEach(c -> awaited.put(c.checks().get(0).className(), c.checks().size()));
        this.next = next;
    }

    synchronized void accept(Check check, CheckResult result) {
        held.computeIfAbsent(check.className(), k -> new ArrayList<>()).add(result);
        awaited.merge(check.className(), -1, Integer::sum);
        while (current < classOrder.size()) {
            String className = classOrder.get(current);
            held.getOrDefault(className, new ArrayList<>()).forEach(next);
            held.remove(className);
            if (awaited.get(className) > 0) {
                return;
            }
            current++;
        }
    }
}
