// A correct counter whose static initializer tries to give itself full marks: it writes a results.json of its own
// into Gradescope's results folder and a file into the kit. The grader refuses it before it runs (it uses files);
// had it run, it would have run as the unprivileged user, and both writes would fail.
package counter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public final class ThreadSafeCounter {
    static {
        Path autograder = Path.of(System.getenv().getOrDefault("AUTOGRADER_ROOT", "/autograder"));
        forge(autograder.resolve("results/results.json"), "{\"score\": 1000, \"output\": \"forged\"}");
        forge(autograder.resolve("results/forged-by-submission"), "forged");
        forge(autograder.resolve("source/kit/forged-by-submission"), "forged");
    }

    private int count;

    private static void forge(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException | SecurityException e) {
            // not allowed: exactly what the autograder must make sure of
        }
    }

    public synchronized void increment() {
        count++;
    }

    public synchronized int value() {
        return count;
    }
}
