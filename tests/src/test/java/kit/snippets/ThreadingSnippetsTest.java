package kit.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static kit.snippets.SnippetRuns.succeeded;
import static kit.snippets.SnippetRuns.assertUsageError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kit.Kit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs every Threading snippet (aliases 1a-1g) and checks what it must show. */
class ThreadingSnippetsTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** A result line of the three pool snippets: "3 pid=1234 tasks-run-by-this-jvm=1 thread=...". */
    private static final Pattern POOL_LINE =
            Pattern.compile("(?m)^(\\d+) pid=(\\d+) tasks-run-by-this-jvm=(\\d+) thread=(.+)$");

    private record PoolLine(int number, long pid, int tasksRunByThisJvm, String thread) {}

    @Test
    void processPoolRunsTheFourNumbersInFourOtherProcessesThatShareNoMemory() {
        Kit.Run run = succeeded("1e-process-pool");
        List<PoolLine> lines = poolLines(run);
        long parent = Long.parseLong(find(run, "parent pid=(\\d+)"));

        assertEquals(Set.of(1, 2, 3, 4), lines.stream().map(PoolLine::number).collect(Collectors.toSet()),
                run::describe);
        Set<Long> pids = lines.stream().map(PoolLine::pid).collect(Collectors.toSet());
        assertEquals(4, pids.size(), "four distinct worker pids\n" + run.describe());
        assertFalse(pids.contains(parent), "no worker may be the parent process\n" + run.describe());
        assertTrue(lines.stream().allMatch(line -> line.tasksRunByThisJvm() == 1),
                "each worker process counts only its own task\n" + run.describe());
        assertTrue(run.stdout().contains("start-up cost per worker"), run::describe);
    }

    @Test
    void threadPoolRunsEverythingInThisProcessOnFourThreadsThatShareMemory() {
        Kit.Run run = succeeded("1f-thread-pool");
        List<PoolLine> lines = poolLines(run);
        long self = Long.parseLong(find(run, "this process: pid=(\\d+)"));

        assertEquals(4, lines.size(), run::describe);
        assertTrue(lines.stream().allMatch(line -> line.pid() == self), "same pid for all\n" + run.describe());
        assertEquals(4, lines.stream().map(PoolLine::thread).distinct().count(),
                "four worker threads\n" + run.describe());
        assertEquals(Set.of(1, 2, 3, 4), lines.stream().map(PoolLine::tasksRunByThisJvm).collect(Collectors.toSet()),
                "the threads share one counter\n" + run.describe());
        assertTrue(run.stdout().contains("start-up cost per worker thread"), run::describe);
    }

    @Test
    void virtualThreadsRunEveryTaskInThisProcessOnAVirtualThread() {
        Kit.Run run = succeeded("1g-virtual-threads");
        List<PoolLine> lines = poolLines(run);
        long self = Long.parseLong(find(run, "this process: pid=(\\d+)"));

        assertEquals(Set.of(1, 2, 3, 4), lines.stream().map(PoolLine::number).collect(Collectors.toSet()),
                run::describe);
        assertTrue(lines.stream().allMatch(line -> line.pid() == self), "same pid for all\n" + run.describe());
        assertTrue(lines.stream().allMatch(line -> line.thread().startsWith("VirtualThread[")), run::describe);
        assertTrue(run.stdout().contains("start-up cost per virtual thread"), run::describe);
    }

    @Test
    void consumersScaledOutAsProcessesShareTheQueueAndProcessEveryEventExactlyOnce() {
        int events = 60;
        Kit.Run run = succeeded("1a-scale-out-consumers", "--events", String.valueOf(events));
        assertTrue(run.stdout().contains("broker: embedded ActiveMQ Artemis at tcp://127.0.0.1:"), run::describe);
        assertTrue(run.stdout().contains("processed exactly once: true"), run::describe);
        assertFalse(run.stderr().contains("WARNING"), "no JVM warning that reads like an error\n" + run.describe());

        // Rounds are separated by "<n> instance(s):"; each lists "instance k (pid P): N events".
        String[] rounds = run.stdout().split("(?m)^\\d instance\\(s\\):$");
        assertEquals(4, rounds.length, "a header and three rounds\n" + run.describe());
        Pattern share = Pattern.compile("(?m)^  instance (\\d) \\(pid (\\d+)\\): (\\d+) events$");
        for (int instances = 1; instances <= 3; instances++) {
            Matcher shares = share.matcher(rounds[instances]);
            int sum = 0;
            Set<String> pids = new HashSet<>();
            while (shares.find()) {
                sum += Integer.parseInt(shares.group(3));
                pids.add(shares.group(2));
            }
            assertEquals(instances, pids.size(), "round " + instances + ": distinct consumer processes\n"
                    + run.describe());
            assertEquals(events, sum, "round " + instances + ": the shares add up to every event\n" + run.describe());
            assertTrue(rounds[instances].contains("total: " + events + " of " + events
                    + " events, each exactly once: true"), run::describe);
        }
    }

    @Test
    void dataExporterDeliversEveryRecordExactlyOnceInAllFourWays() {
        Kit.Run run = succeeded("1b-data-exporter", "--records", "30", "--latency-ms", "20");
        for (String way : List.of("single thread, blocking", "8 platform threads, blocking", "asynchronous, sendAsync",
                "virtual threads, blocking")) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(way) + " +\\d+ ms +\\d+ ms +30/30$")
                    .matcher(run.stdout()).find(), way + ": the server must receive 30/30\n" + run.describe());
        }
        assertTrue(run.stdout().contains("every record received exactly once: true"), run::describe);
    }

    @Test
    void asyncFileIoIsBlockingReadsOnAThreadPool() {
        Kit.Run run = succeeded("1c-async-file-io");
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(run.stdout().contains("channel class: sun.nio.ch.SimpleAsynchronousFileChannelImpl"),
                    run::describe);
        }
        List<String> completions = run.stdout().lines().filter(l -> l.contains("completed on thread: ")).toList();
        assertEquals(2, completions.size(), run::describe);
        assertTrue(completions.stream().noneMatch(l -> l.contains(",main,")), "not on main\n" + run.describe());
        assertTrue(completions.get(1).contains("file-io-1"), "the read ran on our own pool\n" + run.describe());
        assertEquals(2, count(run.stdout(), "completed on a pool thread: true"), run::describe);
        assertTrue(run.stdout().contains("SimpleAsynchronousFileChannelImpl") && run.stdout().contains(
                "java.util.concurrent.ThreadPoolExecutor.runWorker"), "the handler's stack\n" + run.describe());
        assertTrue(run.stdout().contains("read done: false, bytes in the buffer: 0"),
                "no byte arrives while the pool's thread is busy\n" + run.describe());
        assertTrue(run.stdout().contains("content read back equals written: true"), run::describe);
    }

    @Test
    void housekeepingDryRunDeletesNothingAndARealPassDeletesOnlyOldFiles(@TempDir Path dir) throws IOException {
        Path old1 = oldFile(dir.resolve("old1.log"));
        Path old2 = oldFile(dir.resolve("old2.csv"));
        Path fresh = Files.writeString(dir.resolve("fresh.log"), "today");
        Path nested = oldFile(Files.createDirectory(dir.resolve("sub")).resolve("deep.log"));

        Kit.Run dryRun = succeeded("1d-housekeeping", dir.toString(), "--older-than-days", "7", "--dry-run");
        assertTrue(Files.exists(old1) && Files.exists(old2) && Files.exists(fresh), "a dry run deletes nothing");
        assertEquals(List.of("would delete old1.log (10 days old)", "would delete old2.csv (10 days old)"),
                dryRun.stdout().lines().filter(l -> l.startsWith("would delete")).toList(), dryRun::describe);

        Kit.Run pass = succeeded("1d-housekeeping", dir.toString(), "--older-than-days", "7");
        assertFalse(Files.exists(old1) || Files.exists(old2), "old files deleted\n" + pass.describe());
        assertTrue(Files.exists(fresh) && Files.exists(nested), "fresh files and subdirectories stay");
        assertEquals(List.of("deleted old1.log (10 days old)", "deleted old2.csv (10 days old)"),
                pass.stdout().lines().filter(l -> l.startsWith("deleted")).toList(), pass::describe);
        assertTrue(pass.stdout().contains("2 of 3 file(s) older than 7 days deleted, 1 kept"), pass::describe);
    }

    /** The CronJob runs the script with plain {@code java Housekeeping.java ...}: that must work, and match it. */
    @Test
    void cronJobRunsTheHousekeepingScriptWithPlainJava(@TempDir Path dir) throws IOException {
        String manifest = Files.readString(Kit.DIR.resolve("snippets/1-threading/housekeeping-cronjob.yaml"));
        assertTrue(manifest.contains("kind: CronJob") && manifest.contains("schedule: "), manifest);
        assertTrue(manifest.contains(
                "command: [\"java\", \"/app/Housekeeping.java\", \"/data/exports\", \"--older-than-days\", \"7\"]"),
                manifest);
        assertTrue(manifest.contains("mountPath: /app") && manifest.contains("mountPath: /data/exports"), manifest);

        Path old = oldFile(dir.resolve("old.log"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Kit.Run run = Kit.run(Kit.DIR, TIMEOUT, List.of(java, "snippets/1-threading/Housekeeping.java",
                dir.toString(), "--older-than-days", "7"));
        assertEquals(0, run.exitCode(), run::describe);
        assertFalse(Files.exists(old), run::describe);
    }

    @ParameterizedTest(name = "./jbang {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "1a-scale-out-consumers | --events x",
        "1a-scale-out-consumers | --broker http://localhost:80",
        "1b-data-exporter       | --threads 0",
        "1c-async-file-io       | extra",
        "1d-housekeeping        | ''",
        "1d-housekeeping        | /no/such/directory",
        "1e-process-pool        | zero",
        "1f-thread-pool         | 0",
        "1g-virtual-threads     | 1 2",
    })
    void badArgumentsGiveExitCode2AndOneLine(String alias, String arguments) {
        assertUsageError(alias, arguments);
    }


    private static List<PoolLine> poolLines(Kit.Run run) {
        List<PoolLine> lines = new ArrayList<>();
        Matcher line = POOL_LINE.matcher(run.stdout());
        while (line.find()) {
            lines.add(new PoolLine(Integer.parseInt(line.group(1)), Long.parseLong(line.group(2)),
                    Integer.parseInt(line.group(3)), line.group(4)));
        }
        return lines;
    }

    private static String find(Kit.Run run, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(run.stdout());
        assertTrue(matcher.find(), "no match for " + regex + "\n" + run.describe());
        return matcher.group(1);
    }

    private static long count(String text, String part) {
        return Stream.iterate(text.indexOf(part), i -> i >= 0, i -> text.indexOf(part, i + 1)).count();
    }

    private static Path oldFile(Path file) throws IOException {
        Files.writeString(file, "old data");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(10))));
        return file;
    }
}
