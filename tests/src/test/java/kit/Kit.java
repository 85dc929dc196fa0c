package kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the kit's own commands (./jbang and friends) as real processes, the way a learner would. */
public final class Kit {
    public static final Path DIR = Path.of(System.getProperty("kit.dir", "..")).toAbsolutePath().normalize();
    /**
     * How many times the suite grades each solution and correct alternative (GraderTest) and runs each jcstress proof
     * (StressTest): once per run of ./test, which CI makes on every change; KIT_PROOF_RUNS=3 ./test GraderTest
     * repeats them, as a session does before it claims "every time" for a new check.
     */
    public static final int PROOF_RUNS = Integer.parseInt(System.getenv().getOrDefault("KIT_PROOF_RUNS", "1"));

    private Kit() {}

    /** What a finished command left behind. */
    public record Run(List<String> command, int exitCode, String stdout, String stderr) {
        public String output() {
            return stdout + stderr;
        }

        /** A readable account for an assertion message. */
        public String describe() {
            return String.join(" ", command) + " exited " + exitCode + "\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr;
        }
    }

    /** Runs {@code ./jbang args...} in the kit's root and waits at most {@code timeout}. */
    public static Run jbang(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(DIR.resolve("jbang").toString());
        command.addAll(List.of(args));
        return run(DIR, timeout, command);
    }

    /** Runs a command in {@code workDir}; kills it (and its children) if it takes longer than {@code timeout}. */
    public static Run run(Path workDir, Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile("kit-out", ".txt");
            Path err = Files.createTempFile("kit-err", ".txt");
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "\n--- stdout ---\n" + Files.readString(out) + "\n--- stderr ---\n" + Files.readString(err));
            }
            Run run = new Run(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
