package kit.grader.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The starter file of each exercise as the kit ships it, kept in {@code grader/starters/<id>/} ({@link
 * KitLayout#starter}) so that a learner
 * can get it back without git ({@code ./jbang reset <id>}) and so that the kit can tell an untouched exercise from
 * a started one. ProgressAndResetTest keeps each copy equal to the file in {@code exercises/<id>/}.
 */
public final class Starters {
    private Starters() {}

    /** True when the learner's file is the starter file, line endings aside (git may turn them into CRLF). */
    public static boolean untouched(KitLayout paths, Exercise exercise) {
        Path file = paths.learnerFile(exercise);
        return Files.isRegularFile(file) && text(file).equals(text(paths.starter(exercise)));
    }

    static String text(Path file) {
        try {
            return Files.readString(file).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
