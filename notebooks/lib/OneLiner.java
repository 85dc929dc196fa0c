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
    private static final Path KIT = Path.of("..").toAbsolutePath().normalize();

    private OneLiner() {}

    /** Runs {@code ./jbang aliasOrScript args...} in the kit's folder until it ends; fails the cell if it fails. */
    static void run(String aliasOrScript, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(KIT.resolve("jbang"))) {
            throw new IllegalStateException("open this notebook from the kit's notebooks/ folder: no ./jbang in " + KIT);
        }
        List<String> command = new ArrayList<>(List.of(KIT.resolve("jbang").toString(), aliasOrScript));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(KIT.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (BufferedReader output = process.inputReader()) {
            for (String line; (line = output.readLine()) != null; ) {
                System.out.println(line);
            }
        }
        int exitCode = process.waitFor();
        if (exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode);
        }
    }
}
