package kit.grader.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the exercise's check JVMs have already told - a wait that never ends, an endless loop, a sleep under the
 * model checker - and where in the learner's code, shared through a file of the grading's folder (the system
 * property {@link #PROPERTY}): a JVM started after another stopped on it, or running beside it, tells the same stop
 * at once instead of waiting it out again. One line per place: {@code kind TAB signature TAB check}. It can only
 * make a check fail sooner on a state the watchdog sees anyway (the learner's code cannot write files: ForbiddenApis
 * refuses it), so it needs no signature of its own.
 */
final class KnownStops {
    static final String PROPERTY = "kit.grader.knownStops";
    static final String WAIT = "wait";
    static final String LOOP = "loop";
    static final String SLEEP = "sleep";

    private final Path file;
    private long sizeSeen = -1;

    KnownStops(Path file) {
        this.file = file;
    }

    /** The file the grader named, or none (then nothing is shared). */
    static KnownStops fromProperty() {
        String path = System.getProperty(PROPERTY);
        return new KnownStops(path == null || path.isEmpty() ? null : Path.of(path));
    }

    /** What is known, by kind ({@link #WAIT}, {@link #LOOP}, {@link #SLEEP}): signature -> the check that showed it. */
    record Told(Map<String, Map<String, String>> byKind) {
        Map<String, String> of(String kind) {
            return byKind.getOrDefault(kind, Map.of());
        }
    }

    /** Everything told so far, read from the file once. */
    Told read() {
        Map<String, Map<String, String>> byKind = new HashMap<>();
        if (file != null) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.split("\t", 3);
                    if (parts.length == 3) {
                        byKind.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).putIfAbsent(parts[1], parts[2]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // nothing known: each stop is found again, as before
            }
        }
        return new Told(byKind);
    }

    /**
     * Whether another JVM of the exercise (or this one) has told a stop since the last call: a check JVM asks on each
     * of its watchdog's looks, so that a loop told by a JVM running beside it stops its own check too.
     */
    boolean changed() {
        if (file == null) {
            return false;
        }
        try {
            long size = Files.size(file);
            boolean changed = size != sizeSeen;
            sizeSeen = size;
            return changed;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    void add(String kind, Collection<String> signatures, String check) {
        if (file == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (String signature : signatures) {
            lines.append(kind).append('\t').append(signature.replace('\t', ' ').replace('\n', ' ')).append('\t')
                    .append(check.replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            // not shared: the next JVM finds it again
        }
    }
}
