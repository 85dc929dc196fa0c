// A wrong counter (no lock at all) whose static initializer tries to give itself full marks from inside the check
// JVM: it reads the JVM's command line (the events file and every check's key), appends a START and a PASS for each
// check to that file, and halts the JVM before any check can fail. The grader must refuse it before it runs.
package counter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

public final class ThreadSafeCounter {
    static {
        String[] args = System.getProperty("sun.java.command", "").split(" ");
        StringBuilder forged = new StringBuilder();
        for (int i = 3; i < args.length; i++) {
            String key = args[i].substring(0, args[i].lastIndexOf('='));
            forged.append("START\t").append(key).append("\t\n").append("PASS\t").append(key).append("\t\n");
        }
        try {
            Files.writeString(Path.of(args[1]), forged, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // then grade as usual
        }
        Runtime.getRuntime().halt(0);
    }

    private int count;

    public void increment() {
        count++;
    }

    public int value() {
        return count;
    }
}
