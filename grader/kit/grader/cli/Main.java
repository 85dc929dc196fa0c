package kit.grader.cli;

import kit.grader.layout.GraderException;
import kit.grader.layout.KitPaths;
import kit.grader.layout.UsageException;
import kit.grader.report.Console;
import java.util.Arrays;

/**
 * The learner's commands besides grading, reached through the same script so that they share its compiled jar:
 * {@code ./jbang watch}, {@code ./jbang reset <id>} and {@code ./jbang progress} (jbang-catalog.json passes the
 * word as the first argument). Anything else is a grading ({@link GradeCommand}).
 */
public final class Main {
    private Main() {}

    public static int run(String[] args) {
        if (args.length == 0 || !(args[0].equals("watch") || args[0].equals("reset")
                || args[0].equals("progress"))) {
            return GradeCommand.run(args);
        }
        Console console = new Console();
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "watch" -> Watch.run(console, rest);
                case "reset" -> Reset.run(console, rest);
                default -> progress(console, rest);
            };
        } catch (UsageException | GraderException e) {
            return ErrorExit.report(e);
        }
    }

    private static int progress(Console console, String[] args) {
        if (args.length > 0) {
            throw new UsageException("usage: ./jbang progress   (no arguments)");
        }
        Progress.load(KitPaths.find()).report().forEach(console::line);
        return 0;
    }
}
