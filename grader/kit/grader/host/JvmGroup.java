package kit.grader.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Check classes that run in one JVM: a class of its own, or the {@link SharedJvm} classes with the same options. */
record JvmGroup(List<CheckDiscovery.CheckClass> classes, List<String> jvmOptions) {

    /** The groups of {@code classes}, in the order of each group's first class. */
    static List<JvmGroup> of(List<CheckDiscovery.CheckClass> classes) {
        Map<Object, List<CheckDiscovery.CheckClass>> groups = new LinkedHashMap<>();
        for (CheckDiscovery.CheckClass checkClass : classes) {
            Object key = checkClass.sharesJvm() ? checkClass.jvmOptions() : checkClass;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(checkClass);
        }
        return groups.values().stream().map(g -> new JvmGroup(g, g.get(0).jvmOptions())).toList();
    }

    List<Check> checks() {
        return classes.stream().flatMap(c -> c.checks().stream()).toList();
    }

    String name() {
        return String.join("+", classes.stream().map(CheckDiscovery.CheckClass::simpleName).toList());
    }
}
