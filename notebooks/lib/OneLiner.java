import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of the kit's one-liners (`./jbang <alias> <args>`) from a notebook as a child process, and prints its
 * output in the cell while it runs. Examples that need several processes (worker pools, consumers of a broker) run
 * this way, exactly as on the command line. The notebook's folder is notebooks/, so the kit is its parent.
 */
final class OneLiner {
    /** The kit's folder: the notebooks run in notebooks/. */
    static final Path KIT = Path.of("..").toAbsolutePath().normalize();

    private OneLiner() {}

    /** How a one-liner ended: its exit code and everything it printed. */
    record Result(int exitCode, String output) {}

    /** Runs {@code ./jbang aliasOrScript args...} in the kit's folder until it ends; fails the cell if it fails. */
    static void run(String aliasOrScript, String... args) throws IOException, InterruptedException {
        output(aliasOrScript, args);
    }

    /** Like {@link #run}, and returns what the one-liner printed, for a chart of its numbers. */
    static String output(String aliasOrScript, String... args) throws IOException, InterruptedException {
        Result result = exec(aliasOrScript, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("./jbang " + aliasOrScript + " exited with " + result.exitCode());
        }
        return result.output();
    }

    /** Runs {@code ./jbang aliasOrScript args...} in the kit's folder until it ends, whatever its exit code. */
    static Result exec(String aliasOrScript, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(KIT.resolve("jbang"))) {
            throw new IllegalStateException("open this notebook from the kit's notebooks/ folder: no ./jbang in "
                    + KIT);
        }
        List<String> command = new ArrayList<>(List.of(KIT.resolve("jbang").toString(), aliasOrScript));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(KIT.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = process.inputReader()) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println(line);
                output.append(line).append('\n');
            }
        }
        return new Result(process.waitFor(), output.toString());
    }
}
