package kit.grader.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kit.grader.race.RaceDetector;

/**
 * Check classes that run in one JVM: a class of its own, or the {@link kit.grader.api.SharedJvm} classes with the
 * same options (and the same classes: instrumented for the race detector, or not).
 */
record JvmGroup(List<CheckDiscovery.CheckClass> classes, List<String> jvmOptions, boolean detectsRaces) {

    /** The groups of {@code classes}, in the order of each group's first class. */
    static List<JvmGroup> of(List<CheckDiscovery.CheckClass> classes) {
        Map<Object, List<CheckDiscovery.CheckClass>> groups = new LinkedHashMap<>();
        for (CheckDiscovery.CheckClass checkClass : classes) {
            Object key = checkClass.sharesJvm() ? List.of(checkClass.jvmOptions(), checkClass.detectsRaces())
                    : checkClass;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(checkClass);
        }
        return groups.values().stream()
                .map(g -> new JvmGroup(g, g.get(0).jvmOptions(), g.get(0).detectsRaces())).toList();
    }

    /**
     * The group's JVM options, and for a group without a race check the detector's hand-off calls switched off
     * ({@link RaceDetector#HOOKS_PROPERTY}), so that the helpers' calls read nothing a model checker would explore.
     */
    List<String> jvmOptionsWithRaceHooks() {
        if (detectsRaces) {
            return jvmOptions;
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-D" + RaceDetector.HOOKS_PROPERTY + "=off");
        return options;
    }

    List<Check> checks() {
        return classes.stream().flatMap(c -> c.checks().stream()).toList();
    }

    String name() {
        return String.join("+", classes.stream().map(CheckDiscovery.CheckClass::simpleName).toList());
    }
}
