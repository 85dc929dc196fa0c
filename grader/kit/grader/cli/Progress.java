package kit.grader.cli;

import kit.grader.host.ExerciseResult;
import kit.grader.layout.Exercise;
import kit.grader.layout.KitLayout;
import kit.grader.layout.Starters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far the learner has come: for each exercise the verdict of its latest grading, kept in {@value #FILE_NAME}
 * in the kit's root (git-ignored, one line per graded exercise, safe to delete). Every grading of the learner's own
 * files refreshes it ({@code ./jbang grade}, {@code ./jbang watch}); {@code ./jbang reset} forgets an exercise.
 *
 * <p>An exercise is <b>done</b> when its latest full grading gave full marks; <b>started</b> when it was graded
 * without full marks or its file differs from the starter; <b>not started</b> otherwise.
 */
final class Progress {
    static final String FILE_NAME = ".kit-progress";
    private static final String HEADER = "# Your progress through the exercises, written by ./jbang grade and "
            + "./jbang watch. Safe to delete.";

    enum State {
        DONE("done"), STARTED("started"), NOT_STARTED("not started");

        final String words;

        State(String words) {
            this.words = words;
        }
    }

    /** The latest grading of one exercise. */
    record Entry(boolean done, int score, int maxScore) {
        String line(String id) {
            return id + " " + (done ? "done" : "graded") + " " + score + "/" + maxScore;
        }

        static Optional<Entry> parse(String[] words) {
            if (words.length != 3 || !words[2].matches("\\d+/\\d+")) {
                return Optional.empty();
            }
            String[] points = words[2].split("/");
            return Optional.of(new Entry(words[1].equals("done"), Integer.parseInt(points[0]),
                    Integer.parseInt(points[1])));
        }
    }

    private final KitLayout paths;
    private final Map<String, Entry> entries;

    private Progress(KitLayout paths, Map<String, Entry> entries) {
        this.paths = paths;
        this.entries = entries;
    }

    /** The recorded progress; lines it cannot read (an old or hand-edited file) count as never graded. */
    static Progress load(KitLayout paths) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Path file = file(paths);
        if (Files.isRegularFile(file)) {
            for (String line : readLines(file)) {
                String[] words = line.strip().split("\\s+");
                if (!line.startsWith("#") && paths.exercise(words[0]).isPresent()) {
                    Entry.parse(words).ifPresent(entry -> entries.put(words[0], entry));
                }
            }
        }
        return new Progress(paths, entries);
    }

    static Path file(KitLayout paths) {
        return paths.root().resolve(FILE_NAME);
    }

    /** Records a grading; one of only some checks ({@code --only}) can make an exercise started, never done. */
    void record(ExerciseResult result, boolean allChecks) {
        String id = result.exercise().id();
        boolean wasDone = entries.containsKey(id) && entries.get(id).done();
        boolean done = result.fullMarks() && (allChecks || wasDone);
        if (allChecks || !result.fullMarks() || !wasDone) {
            entries.put(id, new Entry(done, result.score(), result.maxScore()));
        }
        save();
    }

    void forget(Exercise exercise) {
        if (entries.remove(exercise.id()) != null) {
            save();
        }
    }

    State state(Exercise exercise) {
        Entry entry = entries.get(exercise.id());
        if (entry != null) {
            return entry.done() ? State.DONE : State.STARTED;
        }
        return Starters.untouched(paths, exercise) ? State.NOT_STARTED : State.STARTED;
    }

    /** The first exercise that is not done, starting after {@code after} and wrapping round. */
    Optional<Exercise> next(Optional<Exercise> after) {
        int start = after.map(e -> paths.exercises().indexOf(e) + 1).orElse(0);
        for (int i = 0; i < paths.exercises().size(); i++) {
            Exercise exercise = paths.exercises().get((start + i) % paths.exercises().size());
            if (state(exercise) != State.DONE) {
                return Optional.of(exercise);
            }
        }
        return Optional.empty();
    }

    /** The table of every exercise, and what to do next. */
    List<String> report() {
        List<String> lines = new ArrayList<>();
        long done = paths.exercises().stream().filter(e -> state(e) == State.DONE).count();
        lines.add("Progress: " + done + " of " + paths.exercises().size() + " done (kept in " + FILE_NAME + ")");
        for (Exercise exercise : paths.exercises()) {
            Entry entry = entries.get(exercise.id());
            String points = entry == null ? "" : "  last graded " + entry.score() + "/" + entry.maxScore();
            lines.add(String.format("  %-16s %-12s%s", exercise.id(), state(exercise).words, points).stripTrailing());
        }
        lines.add(next(Optional.empty()).map(e -> "Next: " + e.id() + " - read "
                + paths.show(paths.readme(e)) + ", then ./jbang watch (grades it on every "
                + "save) or ./jbang grade " + e.id())
                .orElse("All " + paths.exercises().size() + " have full marks. Well done!"));
        return lines;
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        paths.exercises().stream().filter(e -> entries.containsKey(e.id()))
                .forEach(e -> lines.add(entries.get(e.id()).line(e.id())));
        Path file = file(paths);
        try {
            Path temporary = Files.createTempFile(paths.root(), FILE_NAME, ".tmp");
            Files.write(temporary, lines);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) { // the grading itself stands; only the record of it is missing
            System.err.println("warning: could not record your progress in " + file + ": " + e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
