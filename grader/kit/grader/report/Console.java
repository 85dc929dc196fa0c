package kit.grader.report;

import kit.grader.host.CheckResult;
import kit.grader.host.ExerciseGrader;
import kit.grader.host.ExerciseResult;
import kit.grader.layout.Exercise;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the learner reads in the terminal: a line per check, its explanation indented below, and the totals. */
public final class Console implements ExerciseGrader.Listener {
    private static final String INDENT = "      ";
    private final PrintStream out;

    /** A console on the standard output. */
    public Console() {
        this(new FileOutputStream(FileDescriptor.out));
    }

    /** A console on {@code out}, e.g. one exercise's section of {@link SectionsInOrder}. */
    public Console(OutputStream out) {
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    public void line(String text) {
        out.println(text);
    }

    public void start(Exercise exercise, String source) {
        out.println("== " + exercise.id() + ": " + source);
    }

    @Override
    public void problem(String text) {
        out.println(indent(text, "   "));
    }

    @Override
    public void result(CheckResult result) {
        String verdict = result.passed() ? "PASS" : result.skipped() ? "SKIP" : "FAIL";
        out.printf("[%s] %d/%d %s%n", verdict, result.score(), result.maxScore(), result.name());
        if (!result.passed() && !result.output().isBlank()) {
            out.println(indent(result.output(), INDENT));
        }
    }

    /** Text under a check's line, indented like a failure's explanation (e.g. a passed jcstress test's table). */
    public void detail(String text) {
        out.println(indent(text, INDENT));
    }

    public void total(ExerciseResult result) {
        out.printf("%s: %d/%d points%s%n%n", result.exercise().id(), result.score(), result.maxScore(),
                result.fullMarks() ? " - full marks" : "");
    }

    public void summary(List<ExerciseResult> results) {
        out.println("Summary");
        for (ExerciseResult r : results) {
            out.printf("  %-16s %3d/%-3d %s%n", r.exercise().id(), r.score(), r.maxScore(),
                    r.fullMarks() ? "full marks" : "");
        }
        int score = results.stream().mapToInt(ExerciseResult::score).sum();
        int max = results.stream().mapToInt(ExerciseResult::maxScore).sum();
        out.printf("  %-16s %3d/%-3d%n", "total", score, max);
    }

    private static String indent(String text, String indent) {
        return indent + text.strip().replace("\n", "\n" + indent);
    }
}
