package kit.grader.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import kit.grader.layout.GraderException;
import kit.grader.layout.KitLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan that refuses a submission before it runs: tiny classes are compiled with javac (in this JVM) into a
 * temporary kit, and the scan must name each refused use with its file, line and reason - and let through what a
 * concurrency exercise needs.
 */
class ForbiddenApisTest {
    @TempDir
    Path kit;

    /**
     * Compiles {@code learner} (file name to source, in the learner's package {@code counter}) and {@code others}
     * (the same, in other packages: not the learner's) and returns what the scan tells the learner.
     */
    private String scan(Map<String, String> learner, Map<String, String> others) throws IOException {
        Path src = kit.resolve("exercises/counter");
        List<Path> learnerFiles = write(src, learner);
        List<Path> all = new ArrayList<>(learnerFiles);
        all.addAll(write(kit.resolve("other"), others));
        Path classes = kit.resolve("classes");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        // the grader's options (JavaCompiler): javac's default debug information, source file and lines
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-encoding", "UTF-8",
                "-nowarn", "-Xlint:none"));
        all.forEach(f -> args.add(f.toString()));
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, exit, "the sample compiles: " + errors);
        Map<String, Path> classSources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path classFile : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String binary = classes.relativize(classFile).toString().replace(".class", "").replace('/', '.');
                String topLevel = binary.contains("$") ? binary.substring(0, binary.indexOf('$')) : binary;
                String fileName = topLevel.substring(topLevel.lastIndexOf('.') + 1) + ".java";
                classSources.put(binary, all.stream().filter(f -> f.getFileName().toString().equals(fileName))
                        .findFirst().orElseThrow());
            }
        }
        return ForbiddenApis.problem(classes, classSources, learnerFiles, new KitLayout(kit, List.of()));
    }

    private String scan(String fileName, String source) throws IOException {
        return scan(Map.of(fileName, source), Map.of());
    }

    private static List<Path> write(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            written.add(Files.writeString(dir.resolve(file.getKey()), file.getValue()));
        }
        return written;
    }

    private static void assertRefused(String problem, String line) {
        assertTrue(problem.startsWith("Your code uses Java APIs that no exercise needs, so the grader did not run it"),
                problem);
        assertTrue(problem.lines().anyMatch(l -> l.equals("  " + line)), "expected the line <  " + line + ">:\n"
                + problem);
    }

    @Test
    void filesAreRefusedWithTheirFileAndLine() throws IOException {
        String problem = scan("ThreadSafeCounter.java", """
                package counter;

                public class ThreadSafeCounter {
                    private int count;

                    public synchronized void increment() {
                        count++;
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/x"), "" + count);
                        } catch (java.io.IOException e) {
                        }
                    }
                }
                """);
        assertRefused(problem, "exercises/counter/ThreadSafeCounter.java:9: java.nio.file.Path,"
                + " java.nio.file.OpenOption, java.nio.file.Files (files)");
        assertTrue(problem.contains("Remove these uses"), problem);
    }

    @Test
    void aFieldOfARefusedTypeIsNamedWithItsFile() throws IOException {
        String problem = scan("ThreadSafeCounter.java", """
                package counter;

                public class ThreadSafeCounter {
                    private java.io.File log;
                }
                """);
        assertRefused(problem, "exercises/counter/ThreadSafeCounter.java: java.io.File (files)");
    }

    @Test
    void openingAFileByNameIsRefused() throws IOException {
        String problem = scan("ThreadSafeCounter.java", """
                package counter;

                public class ThreadSafeCounter {
                    void log() throws Exception {
                        new java.io.PrintStream("log.txt").println("hi");
                    }
                }
                """);
        assertRefused(problem, "exercises/counter/ThreadSafeCounter.java:5: new java.io.PrintStream(String fileName,"
                + " ...) (files)");
    }

    @Test
    void reflectionIsRefused() throws IOException {
        String problem = scan("ThreadSafeCounter.java", """
                package counter;

                public class ThreadSafeCounter {
                    private int count;

                    int peek(Object grader) throws Exception {
                        Class<?> type = grader.getClass();
                        var field = type.getDeclaredField("key");
                        field.setAccessible(true);
                        return type.getName().length();
                    }
                }
                """);
        assertRefused(problem, "exercises/counter/ThreadSafeCounter.java:8: java.lang.Class.getDeclaredField,"
                + " java.lang.reflect.Field (reflection)");
        assertRefused(problem, "exercises/counter/ThreadSafeCounter.java:9: java.lang.reflect.Field (reflection)");
        assertTrue(!problem.contains(":10:"), "Class.getName is allowed:\n" + problem);
    }

    @Test
    void otherProgramsAreRefused() throws IOException {
        String problem = scan("ThreadSafeCounter.java", """
                package counter;

                public class ThreadSafeCounter {
                    void run() throws Exception {
                        new ProcessBuilder("sh", "-c", "echo hi").start();
                        Runtime.getRuntime().exec(new String[] {"ls"});
                        int cpus = Runtime.getRuntime().availableProcessors();
                    }
                }
                """);
        assertRefused(problem, "exercises/counter/ThreadSafeCounter.java:5: java.lang.ProcessBuilder,"
                + " java.lang.Process (other programs)");
        assertRefused(problem, "exercises/counter/ThreadSafeCounter.java:6: java.lang.Runtime.exec"
                + " (other programs or native code)");
        assertTrue(!problem.contains(":7:"), "availableProcessors is allowed:\n" + problem);
    }

    @Test
    void aRefusedApiInALambdaOrAMethodReferenceIsFoundToo() throws IOException {
        String problem = scan("ThreadSafeCounter.java", """
                package counter;

                import java.util.function.Function;

                public class ThreadSafeCounter {
                    Runnable later = () -> {
                        System.load("/tmp/libx.so");
                    };
                    Function<String, Object> open = java.io.File::new;
                }
                """);
        assertRefused(problem, "exercises/counter/ThreadSafeCounter.java:7: java.lang.System.load (native code)");
        assertTrue(problem.contains("java.io.File (files)"), problem);
    }

    @Test
    void aThreadSubclassMayNotReachTheClassLoaderThroughItself() throws IOException {
        String problem = scan("Worker.java", """
                package counter;

                public class Worker extends Thread {
                    @Override
                    public void run() {
                        System.out.println(getContextClassLoader());
                    }
                }
                """);
        assertRefused(problem, "exercises/counter/Worker.java:6: counter.Worker.getContextClassLoader,"
                + " java.lang.ClassLoader (class loading)");
    }

    @Test
    void theGradersAndOtherNonJdkClassesAreRefused() throws IOException {
        String problem = scan(Map.of("ThreadSafeCounter.java", """
                package counter;

                public class ThreadSafeCounter {
                    void cheat() {
                        helper.Sneaky.pass();
                    }
                }
                """), Map.of("Sneaky.java", """
                package helper;

                public class Sneaky {
                    public static void pass() {}
                }
                """));
        assertRefused(problem, "exercises/counter/ThreadSafeCounter.java:5: helper.Sneaky (not part of the JDK's"
                + " java.* API: the grader's and its libraries' classes are off limits)");
        assertTrue(!problem.contains("Sneaky.java"), "only the learner's classes are scanned:\n" + problem);
    }

    @Test
    void whatConcurrencyExercisesNeedIsAllowed() throws IOException {
        String problem = scan(Map.of("ThreadSafeCounter.java", """
                package counter;

                import java.lang.invoke.MethodHandles;
                import java.lang.invoke.VarHandle;
                import java.time.Duration;
                import java.util.*;
                import java.util.concurrent.*;
                import java.util.concurrent.atomic.AtomicInteger;
                import java.util.concurrent.locks.*;
                import java.util.stream.IntStream;

                public class ThreadSafeCounter {
                    private static final VarHandle COUNT;
                    static {
                        try {
                            COUNT = MethodHandles.lookup().findVarHandle(ThreadSafeCounter.class, "count", int.class);
                        } catch (ReflectiveOperationException e) {
                            throw new ExceptionInInitializerError(e);
                        }
                    }
                    private volatile int count;
                    private final ReentrantLock lock = new ReentrantLock();
                    private final Condition changed = lock.newCondition();
                    private final AtomicInteger calls = new AtomicInteger();
                    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
                    private final Deque<Integer> items = new ArrayDeque<>();
                    private final Helper helper = new Helper();

                    public void increment() {
                        COUNT.getAndAdd(this, 1);
                        calls.incrementAndGet();
                        lock.lock();
                        try {
                            items.addLast(count);
                            changed.signalAll();
                        } finally {
                            lock.unlock();
                        }
                    }

                    public int value() throws Exception {
                        ExecutorService pool = Executors.newFixedThreadPool(2);
                        try {
                            Future<Integer> f = pool.submit(() -> count + helper.twice(1));
                            Thread t = Thread.ofPlatform().start(() -> System.out.println("count " + count));
                            t.join(Duration.ofSeconds(1));
                            Integer[] boxed = items.toArray(Integer[]::new);
                            return f.get() + IntStream.of(1, 2).sum() + boxed.length + getClass().getSimpleName()
                                    .length() + Runtime.getRuntime().availableProcessors();
                        } finally {
                            pool.shutdown();
                        }
                    }
                }
                """, "Helper.java", """
                package counter;

                class Helper {
                    int twice(int x) {
                        return 2 * x;
                    }
                }
                """), Map.of());
        assertEquals("", problem);
    }

    @Test
    void aScanThatWouldFindNoLearnerClassIsAnErrorOfTheGrader() throws IOException {
        Path classes = Files.createDirectories(kit.resolve("classes"));
        GraderException e = assertThrows(GraderException.class, () -> ForbiddenApis.problem(classes, Map.of(),
                List.of(kit.resolve("exercises/counter/ThreadSafeCounter.java")), new KitLayout(kit, List.of())));
        assertTrue(e.getMessage().startsWith("javac wrote no class of the learner's files"), e.getMessage());
    }
}
