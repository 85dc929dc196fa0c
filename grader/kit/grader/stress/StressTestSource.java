package kit.grader.stress;

import kit.grader.layout.Exercise;
import kit.grader.layout.GraderException;
import kit.grader.layout.KitLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One jcstress test of an exercise (grader/stress/&lt;id&gt;/&lt;Class&gt;.java), read from its source: its name is
 * its {@code @Description}, its points its {@code @Points}, and it needs one CPU per thread jcstress runs at once
 * (each {@code @Actor}, plus the {@code @Signal} of a termination test). Read from the source so that the checks are
 * listed even when the learner's code does not compile.
 */
record StressTestSource(Path file, String className, String name, int points, int threads) {
    private static final Pattern DESCRIPTION = Pattern.compile("@Description\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern POINTS = Pattern.compile("@(?:[\\w.]+\\.)?Points\\(\\s*(\\d+)");
    private static final Pattern THREAD = Pattern.compile("@(Actor|Signal)\\b");

    static List<StressTestSource> find(Path dir, Exercise exercise) {
        return KitLayout.javaFiles(dir).stream().map(file -> read(file, exercise)).toList();
    }

    private static StressTestSource read(Path file, Exercise exercise) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String simpleName = file.getFileName().toString().replace(".java", "");
        Matcher name = DESCRIPTION.matcher(text);
        Matcher points = POINTS.matcher(text);
        if (!name.find() || !points.find()) {
            throw new GraderException(file + ": a stress test needs @Description(\"...\") and @Points(n)");
        }
        return new StressTestSource(file, "kit.stress." + exercise.packageName() + "." + simpleName,
                name.group(1).replace("\\\"", "\""), Integer.parseInt(points.group(1)),
                (int) THREAD.matcher(text).results().count());
    }
}
