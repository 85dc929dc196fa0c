package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Executes every notebook with a real Jupyter and Java kernel (tools/notebooks/execute, as CI and a maintainer do)
 * and checks what each cell shows a learner: the facts of each example, not only that no cell failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksTest {
    private static final List<String> NOTEBOOKS = List.of("1-threading", "2-thread-safety", "3-publish-subscribe");
    private static final String KERNEL_JAR = "rapaio-jupyter-kernel";

    private Path executed;
    private Kit.Run execution;
    private Set<Long> kernelsBefore;

    @BeforeAll
    void executeAllNotebooks() throws IOException {
        executed = Files.createTempDirectory("kit-notebooks");
        kernelsBefore = kernelProcesses();
        List<String> command = new ArrayList<>(List.of("tools/notebooks/execute", "--output-dir", executed.toString()));
        NOTEBOOKS.forEach(name -> command.add("notebooks/" + name + ".ipynb"));
        long start = System.nanoTime();
        execution = Kit.run(Kit.DIR, Duration.ofMinutes(6), command);
        System.out.printf("[NotebooksTest] executed %d notebooks in %.1f s%n", NOTEBOOKS.size(),
                (System.nanoTime() - start) / 1e9);
        execution.stderr().lines().filter(line -> line.startsWith("[notebooks]")).forEach(System.out::println);
    }

    @AfterAll
    void deleteExecutedNotebooks() throws IOException {
        try (var files = Files.walk(executed)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void notebooksAreGeneratedFromTheCurrentSnippetsAndSolutions() {
        Kit.Run check = Kit.jbang(Duration.ofMinutes(2), "tools/notebooks/Build.java", "--check");
        assertEquals(0, check.exitCode(), check.describe());
    }

    @Test
    void everyCellRunsWithoutErrorAndNoKernelIsLeftBehind() {
        assertEquals(0, execution.exitCode(), execution.describe());
        Set<Long> left = kernelProcesses();
        left.removeAll(kernelsBefore);
        assertTrue(left.isEmpty(), "kernel processes left running: " + left);
    }

    @Test
    void threadingShowsProcessesThenThreadsAndScalingOut() {
        Map<String, String> cells = outputs("1-threading");
        String pool = cells.get("process-pool");
        Set<Long> workerPids = Set.copyOf(numbers(pool, "(?m)^\\d+ pid=(\\d+)"));
        assertEquals(4, workerPids.size(), "four worker processes, four pids: " + pool);
        assertTrue(java.util.Collections.disjoint(workerPids, numbers(pool, "parent pid=(\\d+)")), pool);

        String threads = cells.get("thread-pool");
        assertEquals(4, numbers(threads, "(?m)^\\d+ pid=(\\d+)").size(), threads);
        assertEquals(1, Set.copyOf(numbers(threads, "(?m)^\\d+ pid=(\\d+)")).size(), "one process: " + threads);
        assertEquals(1, Set.copyOf(numbers(cells.get("virtual-threads"), "(?m)^\\d+ pid=(\\d+)")).size(),
                cells.get("virtual-threads"));

        assertTrue(cells.get("scale-out").contains("processed exactly once: true"), cells.get("scale-out"));
        assertTrue(cells.get("data-exporter").contains("every record received exactly once: true"),
                cells.get("data-exporter"));
        assertTrue(cells.get("async-file-io").contains("read done: false, bytes in the buffer: 0"),
                cells.get("async-file-io"));
        assertTrue(cells.get("async-file-io").contains("content read back equals written: true"),
                cells.get("async-file-io"));
        assertTrue(cells.get("housekeeping").contains("left: [new-export.csv]"), cells.get("housekeeping"));
    }

    @Test
    void threadSafetyShowsLostUpdatesOnlyWithoutALock() {
        Map<String, String> cells = outputs("2-thread-safety");
        List<Long> lost = numbers(cells.get("lost-updates"), "lost=(\\d+)");
        assertEquals(4, lost.size(), cells.get("lost-updates"));
        assertEquals(0, lost.get(0), "one thread cannot lose an update: " + cells.get("lost-updates"));
        List<Long> lostUntilLost = numbers(cells.get("until-lost"), "lost=(\\d+)");
        assertEquals(1, lostUntilLost.size(), cells.get("until-lost"));
        assertTrue(lostUntilLost.get(0) > 0, "8 threads lost no update in 30 runs: " + cells.get("until-lost"));
        assertTrue(cells.get("lost-updates").contains("[image/png 640x360]"), cells.get("lost-updates"));

        List<Long> safeLost = numbers(cells.get("safe-counter"), "lost=(\\d+)");
        assertEquals(List.of(0L), safeLost, cells.get("safe-counter"));
        assertTrue(cells.get("owner-unlocks").contains("IllegalMonitorStateException"), cells.get("owner-unlocks"));
        assertTrue(cells.get("atomic-int").contains("myInt.value() = -1"), cells.get("atomic-int"));
        List<String> countedAll = Pattern.compile("counted all [\\d,]+: +(\\w+)").matcher(cells.get("java-atomics"))
                .results().map(m -> m.group(1)).toList();
        assertEquals(List.of("true", "true", "true", "true", "true"), countedAll, cells.get("java-atomics"));
        assertTrue(cells.get("list-traps").contains("ConcurrentModificationException"), cells.get("list-traps"));
        assertTrue(cells.get("unsafe-collections").matches("(?s).*Collections.synchronizedList:.*correct.*"
                + "ConcurrentHashMap:.*correct.*"), cells.get("unsafe-collections"));
        assertTrue(cells.get("thread-safety-names").contains("@ThreadSafe"), cells.get("thread-safety-names"));
        assertEquals(List.of(0L), numbers(cells.get("file-lock"), "with FileLock: +count in file +\\d+ +lost +(\\d+)"),
                cells.get("file-lock"));
    }

    @Test
    void publishSubscribeDeliversInOrderAndChartsWakeUpLatency() {
        Map<String, String> cells = outputs("3-publish-subscribe");
        assertTrue(cells.get("producer-consumer").contains("delivered 1000 items in order: true"),
                cells.get("producer-consumer"));
        assertTrue(cells.get("producer-consumer").contains("each taken exactly once: true"),
                cells.get("producer-consumer"));
        assertTrue(cells.get("await-without-lock").contains("IllegalMonitorStateException"),
                cells.get("await-without-lock"));
        String latency = cells.get("wake-up-latency");
        assertEquals(4, latency.lines().filter(line -> line.contains("median wake-up latency")).count(), latency);
        assertTrue(latency.contains("[image/png 640x360]"), latency);
        assertTrue(cells.get("bounded-buffer").contains("never above capacity: true"), cells.get("bounded-buffer"));
        assertTrue(cells.get("bounded-buffer").contains("all in order: true"), cells.get("bounded-buffer"));
        assertTrue(cells.get("blocking-queue").contains("each taken exactly once: true"), cells.get("blocking-queue"));
    }

    /** Each code cell's text output, by cell id, as tools/notebooks/Outputs.java prints it. */
    private Map<String, String> outputs(String notebook) {
        assertEquals(0, execution.exitCode(), execution.describe());
        Path file = executed.resolve(notebook + ".ipynb");
        assertTrue(Files.exists(file), "no executed " + file);
        Kit.Run dump = Kit.jbang(Duration.ofMinutes(2), "tools/notebooks/Outputs.java", file.toString());
        assertEquals(0, dump.exitCode(), dump.describe());
        Map<String, String> cells = new LinkedHashMap<>();
        String id = null;
        StringBuilder text = new StringBuilder();
        for (String line : dump.stdout().split("\n", -1)) {
            if (line.startsWith("=== ")) {
                if (id != null) {
                    cells.put(id, text.toString());
                }
                id = line.substring(4);
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        if (id != null) {
            cells.put(id, text.toString());
        }
        return cells;
    }

    private static List<Long> numbers(String text, String regex) {
        assertTrue(text != null, "no such cell");
        Matcher matcher = Pattern.compile(regex).matcher(text.replace(",", ""));
        List<Long> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(Long.parseLong(matcher.group(1)));
        }
        return found;
    }

    private static Set<Long> kernelProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(KERNEL_JAR))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
