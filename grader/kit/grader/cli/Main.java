package kit.grader.cli;

import kit.grader.layout.GraderException;
import kit.grader.layout.KitLayout;
import kit.grader.layout.UsageException;
import kit.grader.report.Console;
import java.util.Arrays;

/**
 * The kit's one command line, {@code ./jbang grade} and the learner's other commands reached through the same
 * script so that they share its compiled jar: {@code watch}, {@code reset <id>} and {@code progress}
 * (jbang-catalog.json passes the word as the first argument); anything else is a grading ({@link GradeCommand}).
 * It finds the kit and reads its manifest once, for every command: a kit that is not there or a manifest that
 * cannot be read is told in one line ({@link ErrorExit}).
 */
public final class Main {
    private Main() {}

    /** Exit code: 0 done (full marks for a grading), 1 points missing, 2 bad arguments, 3 the grader failed. */
    public static int run(String[] args) {
        Console console = new Console();
        try {
            KitLayout kit = KitLayout.find();
            String command = args.length == 0 ? "" : args[0];
            String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
            return switch (command) {
                case "watch" -> Watch.run(console, kit, rest);
                case "reset" -> Reset.run(console, kit, rest);
                case "progress" -> progress(console, kit, rest);
                default -> GradeCommand.run(console, kit, args);
            };
        } catch (UsageException | GraderException e) {
            return ErrorExit.report(e);
        }
    }

    private static int progress(Console console, KitLayout kit, String[] args) {
        if (args.length > 0) {
            throw new UsageException("usage: ./jbang progress   (no arguments)");
        }
        Progress.load(kit).report().forEach(console::line);
        return 0;
    }
}
