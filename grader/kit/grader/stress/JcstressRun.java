package kit.grader.stress;

import kit.grader.layout.GraderException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One run of jcstress (org.openjdk.jcstress.Main) in a child JVM over some of an exercise's stress tests, read back
 * from what it prints. jcstress forks a JVM per test; an actor that never returns (a deadlock, a wait nobody
 * signals) hangs it without a word, so when no test has finished for {@link #STALL_SECONDS}, this takes a thread
 * dump of the forked JVM (to show where the actors wait) and kills jcstress.
 */
final class JcstressRun {
    /**
     * One JVM configuration (-jvmArgs: without it jcstress runs ~30 forks, 2-3 minutes per test here), no per-actor
     * split compilation, one fork, and the iterations and time measured reliable on 2 cores (grader/README.md).
     * Lock coarsening off, as in every check JVM: it can make a split read-modify-write atomic by accident.
     */
    static final List<String> OPTIONS = List.of("-time", "200", "-iters", "3", "-f", "1", "-sc", "false",
            "-jvmArgs", "-XX:-EliminateLocks", "-v");
    static final long STALL_SECONDS = 90;
    private static final Pattern LABEL = Pattern.compile("^[ .]*\\[([A-Z ]+)\\] (\\S+)\\s*$");

    /** What jcstress reported for one test: its verdict (OK, FAILED, ERROR, TIMEOUT...), outcome table, messages. */
    record Report(String verdict, List<String> table, List<String> messages) {}

    /** The reports by test class name; {@code hung} is empty unless jcstress had to be killed, then a thread dump. */
    record Outcome(Map<String, Report> reports, String hung, List<String> output) {}

    private JcstressRun() {}

    static Outcome run(List<String> testClasses, Path classes, Path reportDir, Path workDir) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + classes,
                "org.openjdk.jcstress.Main", "-t", testClasses.stream().map(Pattern::quote)
                        .collect(Collectors.joining("|", "^(", ")$")), "-r", reportDir.toString()));
        command.addAll(OPTIONS);
        Path log = workDir.resolve("jcstress-" + System.nanoTime() + ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            process.getOutputStream().close(); // no input: jcstress reads none, on any OS
            int finished = 0;
            long lastProgress = System.nanoTime();
            String hung = "";
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                int now = finishedTests(readLines(log));
                if (now > finished) {
                    finished = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                    hung = threadDump(process);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    break;
                }
            }
            List<String> output = readLines(log);
            return new Outcome(reports(output), hung, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraderException("interrupted");
        }
    }

    /** Tests finished so far: each prints a verdict line ("....[OK] kit.stress.counter.TwoIncrements"). */
    private static int finishedTests(List<String> output) {
        return (int) output.stream().takeWhile(line -> !line.startsWith("RUN RESULTS:"))
                .filter(line -> LABEL.matcher(line).matches()).count();
    }

    /**
     * Each test's last block in the output: the verdict line, the table under "RESULT SAMPLES FREQ EXPECT
     * DESCRIPTION", and the lines under "Messages:". The final summary repeats every test, so its blocks win.
     */
    static Map<String, Report> reports(List<String> output) {
        Map<String, Report> reports = new LinkedHashMap<>();
        for (int i = 0; i < output.size(); i++) {
            Matcher label = LABEL.matcher(output.get(i));
            if (!label.matches()) {
                continue;
            }
            List<String> table = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            int j = i + 1;
            for (; j < output.size() && !LABEL.matcher(output.get(j)).matches()
                    && !output.get(j).startsWith("(ETA") && !output.get(j).startsWith("RUN RESULTS"); j++) {
                String line = output.get(j);
                if (line.trim().startsWith("RESULT") && line.contains("SAMPLES")) {
                    table = block(output, j);
                } else if (line.trim().equals("Messages:")) {
                    messages = block(output, j + 1).stream().map(String::strip).toList();
                }
            }
            reports.put(label.group(2), new Report(label.group(1), table, messages));
            i = j - 1;
        }
        return reports;
    }

    private static List<String> block(List<String> output, int from) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < output.size() && !output.get(i).isBlank(); i++) {
            lines.add(output.get(i));
        }
        return lines;
    }

    /** The actor threads of jcstress's forked JVM (running the test and the learner's code), by jcmd Thread.print. */
    private static String threadDump(Process jcstress) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        StringBuilder dump = new StringBuilder();
        for (ProcessHandle fork : jcstress.descendants().toList()) {
            try {
                Process print = new ProcessBuilder(jcmd.toString(), Long.toString(fork.pid()), "Thread.print")
                        .redirectErrorStream(true).start();
                String text = new String(print.getInputStream().readAllBytes());
                print.waitFor(10, TimeUnit.SECONDS);
                for (String thread : text.split("\n\n")) {
                    boolean actor = thread.contains("kit.stress.") && !thread.contains("ForkedMain");
                    if (actor) {
                        dump.append(thread.strip()).append("\n\n");
                    }
                }
            } catch (IOException e) {
                dump.append("(no thread dump: ").append(e.getMessage()).append(")\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return dump.isEmpty() ? "(jcstress printed nothing for " + STALL_SECONDS + " s)" : dump.toString().strip();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
