package kit.grader.cli;

import kit.grader.layout.Exercise;
import kit.grader.layout.GraderException;
import kit.grader.layout.KitLayout;
import kit.grader.layout.Starters;
import kit.grader.layout.UsageException;
import kit.grader.report.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code ./jbang reset <id>}: puts the exercise's starter file back, as the kit ships it. The learner's version is
 * first copied to {@code backups/<id>/<date-time>/<Class>.java} (git-ignored), and only once that copy is complete
 * is the file replaced, so nothing the learner wrote is ever lost.
 */
final class Reset {
    static final String USAGE = "usage: ./jbang reset <exercise>   (puts the starter file back; yours is kept in "
            + "backups/)";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private Reset() {}

    static int run(Console console, KitLayout paths, String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            throw new UsageException((args.length == 0 ? "which exercise? " : "") + USAGE + "; the exercises are: "
                    + paths.ids());
        }
        Exercise exercise = paths.exercise(args[0]).orElseThrow(() -> new UsageException("no exercise '" + args[0]
                + "'; the exercises are: " + paths.ids()));
        Path file = paths.learnerFile(exercise);
        Path starter = paths.starter(exercise);
        if (!Files.isRegularFile(starter)) {
            throw new GraderException("the kit has no starter file " + paths.show(starter));
        }
        try {
            if (Starters.untouched(paths, exercise)) {
                console.line(paths.show(file) + " is already the starter file: nothing to reset.");
            } else {
                if (Files.exists(file)) {
                    Path backup = backUp(paths, exercise, file);
                    console.line("Your version is kept in " + paths.show(backup));
                }
                Path temporary = Files.createTempFile(file.getParent(), exercise.className(), ".tmp");
                Files.copy(starter, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                console.line("Restored the starter file " + paths.show(file) + ".");
            }
        } catch (IOException e) {
            throw new GraderException("could not reset " + paths.show(file) + ": " + e);
        }
        Progress.load(paths).forget(exercise);
        return 0;
    }

    /** Copies the learner's file into a new folder of backups/<id>/, under its own name, and checks the copy. */
    private static Path backUp(KitLayout paths, Exercise exercise, Path file) throws IOException {
        Path backups = paths.backupsDir(exercise);
        String stamp = LocalDateTime.now().format(STAMP);
        Path dir = backups.resolve(stamp);
        for (int n = 2; Files.exists(dir); n++) {
            dir = backups.resolve(stamp + "-" + n);
        }
        Files.createDirectories(dir);
        Path backup = dir.resolve(exercise.fileName());
        Files.copy(file, backup);
        if (Files.mismatch(file, backup) != -1) {
            throw new IOException("the backup " + backup + " differs from the file; nothing was changed");
        }
        return backup;
    }
}
