package kit.grader;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The channel from the checking JVM to the grader: one line per event in a file, written straight through, so
 * whatever was written survives the JVM being halted or killed. The learner's code may print anything to stdout;
 * it cannot forge these lines.
 */
final class EventLog {
    enum Type { START, PASS, FAIL }

    /** One event: a check started, passed or failed (with what the learner should read). */
    record Event(Type type, String key, String message) {}

    private final FileOutputStream out;

    EventLog(Path file) {
        try {
            out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void write(Type type, String key, String message) {
        String encoded = Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
        try {
            out.write((type + "\t" + key + "\t" + encoded + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete events in {@code file} (a line still being written is left for the next read). */
    static List<Event> read(Path file) {
        List<Event> events = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return events;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int complete = text.lastIndexOf('\n') + 1;
            for (String line : text.substring(0, complete).split("\n")) {
                String[] parts = line.split("\t", -1);
                if (parts.length == 3) {
                    events.add(new Event(Type.valueOf(parts[0]), parts[1],
                            new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8)));
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
