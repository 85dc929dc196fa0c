package kit.grader.instrument;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import kit.grader.race.RaceDetector;

/**
 * Test support: compiles a learner's class and a harness from source, instruments them (the learner's in learner
 * mode, the harness in harness mode) and runs the harness's {@code static void run()} under a race watch.
 */
final class Instrumented {
    private static final AtomicInteger SITES = new AtomicInteger(1_000_000);

    private Instrumented() {}

    /**
     * {@code learner}: binary class name to source of the learner's classes; {@code harness}: same for the
     * harness, whose class {@code main} has {@code public static void run() throws Exception}.
     */
    static RaceDetector.RaceReport run(Path dir, Map<String, String> learner, Map<String, String> harness,
            String main) {
        return run(dir, learner, harness, main, false);
    }

    /**
     * Runs on a platform thread of its own, as a check JVM runs each check: a harness that joins a ForkJoin task (the
     * common pool's) on a thread of JUnit's parallel pool helps that pool while it waits - it ran another test class's
     * tests there, for minutes.
     */
    private static RaceDetector.RaceReport run(Path dir, Map<String, String> learner, Map<String, String> harness,
            String main, boolean turns) {
        AtomicReference<RaceDetector.RaceReport> report = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread own = Thread.ofPlatform().name("instrumented-harness").start(() -> {
            try {
                report.set(runHere(dir, learner, harness, main, turns));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        try {
            own.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (failure.get() instanceof Error error) {
            throw error;
        } else if (failure.get() != null) {
            throw (RuntimeException) failure.get(); // runHere throws nothing checked
        }
        return report.get();
    }

    private static RaceDetector.RaceReport runHere(Path dir, Map<String, String> learner,
            Map<String, String> harness, String main, boolean turns) {
        try {
            Path sources = dir.resolve("src");
            Path classes = dir.resolve("classes");
            Path out = dir.resolve("instrumented");
            List<Path> files = new ArrayList<>();
            Set<String> learnerClasses = new HashSet<>();
            for (Map<String, String> set : List.of(learner, harness)) {
                for (Map.Entry<String, String> e : set.entrySet()) {
                    Path file = sources.resolve(e.getKey().replace('.', '/') + ".java");
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, e.getValue());
                    files.add(file);
                }
            }
            Files.createDirectories(classes);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-nowarn", "-proc:none"));
            files.forEach(f -> args.add(f.toString()));
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            assertTrue(rc == 0, "javac failed");
            for (String name : learner.keySet()) {
                String internal = name.replace('.', '/');
                learnerClasses.add(internal);
                String dirName = internal.substring(0, internal.lastIndexOf('/'));
                String simple = internal.substring(internal.lastIndexOf('/') + 1);
                try (var nested = Files.list(classes.resolve(dirName))) {
                    nested.map(p -> p.getFileName().toString())
                            .filter(f -> f.startsWith(simple + "$") && f.endsWith(".class"))
                            .forEach(f -> learnerClasses.add(dirName + "/" + f.substring(0, f.length() - 6)));
                }
            }
            Instrumenter.instrument(classes, out, learnerClasses, Instrumented.class.getClassLoader(),
                    SITES.getAndAdd(100_000));
            try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                    Instrumented.class.getClassLoader())) {
                Class<?> harnessClass = Class.forName(main, true, loader);
                // as DataRaces does: the objects of a scenario in turns are made before the watch begins
                List<?> steps = turns ? (List<?>) harnessClass.getMethod("steps").invoke(null) : null;
                RaceDetector.begin();
                try {
                    if (turns) {
                        takeTurns(steps);
                    } else {
                        harnessClass.getMethod("run").invoke(null);
                    }
                } catch (InvocationTargetException e) {
                    RaceDetector.end();
                    throw new AssertionError("the harness threw", e.getCause());
                } catch (Throwable t) {
                    RaceDetector.end();
                    throw t;
                }
                return RaceDetector.end();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Like {@link #run}, but the harness class {@code main} has {@code public static java.util.List<Object> steps()}:
     * pairs of a thread index and a Runnable, run one after another, each on its thread. The threads take turns
     * through this (uninstrumented) class, which the detector does not see: only the learner's class orders its
     * calls. The threads' starts and ends are reported.
     */
    static RaceDetector.RaceReport runTurns(Path dir, Map<String, String> learner, Map<String, String> harness,
            String main) {
        return run(dir, learner, harness, main, true);
    }

    static String describe(RaceDetector.RaceReport report) {
        return String.format(Locale.ROOT, "%d race(s)%s:%n%s", report.races().size(),
                report.unmodelled() == null ? "" : " (unmodelled: " + report.unmodelled() + ")",
                String.join("\n", report.races()));
    }

    private static void takeTurns(List<?> steps) throws InterruptedException {
        int threads = 0;
        for (int i = 0; i < steps.size(); i += 2) {
            threads = Math.max(threads, (Integer) steps.get(i) + 1);
        }
        AtomicInteger turn = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            int me = k;
            Thread thread = new Thread(() -> {
                for (int step = 0; step < steps.size() / 2; step++) {
                    if ((Integer) steps.get(2 * step) != me) {
                        continue;
                    }
                    while (turn.get() != step) {
                        Thread.onSpinWait();
                        Thread.yield();
                    }
                    try {
                        ((Runnable) steps.get(2 * step + 1)).run();
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                    turn.incrementAndGet();
                }
            }, "thread-" + (char) ('A' + k));
            RaceDetector.forked(thread);
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
            RaceDetector.joined(thread);
        }
        if (failure.get() != null) {
            throw new AssertionError("a step threw", failure.get());
        }
    }
}
