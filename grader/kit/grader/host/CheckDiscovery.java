package kit.grader.host;

import kit.grader.api.DetectsRaces;
import kit.grader.api.JvmOptions;
import kit.grader.api.Points;
import kit.grader.api.SharedJvm;
import kit.grader.api.TimeLimit;
import kit.grader.layout.Exercise;
import kit.grader.layout.GraderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Finds the checks of an exercise among the compiled classes, without running any of their code. */
final class CheckDiscovery {
    private CheckDiscovery() {}

    /**
     * A check class: its checks, the options of the JVM that runs them, whether that JVM may be shared, and whether
     * it runs the learner's classes instrumented for the race detector ({@link DetectsRaces}).
     */
    record CheckClass(List<Check> checks, List<String> jvmOptions, boolean sharesJvm, boolean detectsRaces) {
        CheckClass(List<Check> checks, List<String> jvmOptions, boolean sharesJvm) {
            this(checks, jvmOptions, sharesJvm, false);
        }

        /** This class with only the checks whose names {@code selected} accepts. */
        CheckClass only(Predicate<String> selected) {
            return new CheckClass(checks.stream().filter(c -> selected.test(c.name())).toList(), jvmOptions, sharesJvm,
                    detectsRaces);
        }

        String simpleName() {
            String name = checks.get(0).className();
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    /** The check classes, in name order. */
    static List<CheckClass> find(Path classesDir, Exercise exercise) {
        String checksPackage = "kit.checks." + exercise.packageName();
        Path packageDir = classesDir.resolve(checksPackage.replace('.', '/'));
        List<CheckClass> groups = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classesDir.toUri().toURL()},
                CheckDiscovery.class.getClassLoader());
                Stream<Path> files = Files.isDirectory(packageDir) ? Files.list(packageDir) : Stream.empty()) {
            for (Path file : files.sorted().toList()) {
                String simpleName = file.getFileName().toString();
                if (!simpleName.endsWith(".class") || simpleName.contains("$")) {
                    continue;
                }
                String className = checksPackage + "." + simpleName.substring(0, simpleName.length() - 6);
                Class<?> type = Class.forName(className, false, loader);
                List<Check> checks = checksOf(type);
                JvmOptions options = type.getAnnotation(JvmOptions.class);
                if (!checks.isEmpty()) {
                    groups.add(new CheckClass(checks, options == null ? List.of() : List.of(options.value()),
                            type.isAnnotationPresent(SharedJvm.class), type.isAnnotationPresent(DetectsRaces.class)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new GraderException("cannot load the checks of " + exercise.id() + ": " + e);
        }
        return groups;
    }

    private static List<Check> checksOf(Class<?> type) {
        List<Check> checks = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Test.class)) {
                continue;
            }
            Points points = method.getAnnotation(Points.class);
            if (points == null || points.value() < 1) {
                throw new GraderException(type.getName() + "#" + method.getName()
                        + " has no @kit.grader.api.Points(n) with n >= 1: every check says what it is worth");
            }
            DisplayName displayName = method.getAnnotation(DisplayName.class);
            TimeLimit limit = method.isAnnotationPresent(TimeLimit.class) ? method.getAnnotation(TimeLimit.class)
                    : type.getAnnotation(TimeLimit.class);
            checks.add(new Check(type.getName(), method.getName(),
                    displayName == null ? method.getName() : displayName.value(), points.value(),
                    limit == null ? TimeLimit.DEFAULT_SECONDS : limit.seconds(),
                    limit == null ? TimeLimit.NO_CPU_LIMIT : limit.cpuSeconds()));
        }
        checks.sort(Comparator.comparing(Check::methodName));
        return checks;
    }
}
