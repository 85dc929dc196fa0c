package kit.grader.cli;

import kit.grader.layout.Exercise;
import kit.grader.layout.GraderException;
import kit.grader.layout.KitLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The numbered hints of an exercise's HINTS.md ("1. ...", "2. ..."), one at a time, gentle ones first. */
final class Hints {
    private Hints() {}

    /** Each numbered item with its continuation lines; empty when the exercise has no hints file. */
    static List<String> of(KitLayout paths, Exercise exercise) {
        Path file = paths.hints(exercise);
        List<String> hints = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file)) {
                return hints;
            }
            StringBuilder current = null;
            for (String line : Files.readAllLines(file)) {
                if (line.matches("\\d+\\.\\s.*")) {
                    if (current != null) {
                        hints.add(current.toString().strip());
                    }
                    current = new StringBuilder(line.replaceFirst("^\\d+\\.\\s+", ""));
                } else if (current != null && !line.startsWith("#")) {
                    current.append('\n').append(line.strip());
                }
            }
            if (current != null) {
                hints.add(current.toString().strip());
            }
        } catch (IOException e) {
            throw new GraderException("cannot read " + paths.show(file) + ": " + e);
        }
        return hints;
    }
}
