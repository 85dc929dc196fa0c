package kit.grader;

import java.util.Arrays;
import java.util.List;

/** Turns what a failed check threw into text a learner reads: the check's message, or where the learner's code threw. */
final class FailureText {
    private static final int MAX_LINES = 120;

    private FailureText() {}

    static String of(Throwable failure, String learnerPackage) {
        String text = failure instanceof AssertionError && failure.getMessage() != null
                ? failure.getMessage()
                : thrownByCode(failure, learnerPackage);
        if (failure instanceof AssertionError && failure.getCause() != null && failure.getMessage() != null) {
            text += "\n" + thrownByCode(failure.getCause(), learnerPackage);
        }
        return limit(text.contains("= The execution has hung =") || text.contains("The following interleaving")
                ? LincheckText.shorten(text) : text.strip());
    }

    private static String thrownByCode(Throwable failure, String learnerPackage) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        String prefix = isFromLearner(failure, learnerPackage) ? "Your code threw " : "Threw ";
        while (t != null) {
            text.append(prefix).append(t.getClass().getName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            text.append('\n');
            List<StackTraceElement> frames = Arrays.stream(t.getStackTrace())
                    .filter(f -> f.getClassName().startsWith(learnerPackage + ".")).limit(6).toList();
            if (frames.isEmpty()) {
                frames = Arrays.stream(t.getStackTrace()).limit(3).toList();
            }
            frames.forEach(f -> text.append("    at ").append(Frames.format(f)).append('\n'));
            t = t.getCause() == t ? null : t.getCause();
            prefix = "Caused by ";
        }
        return text.toString();
    }

    private static boolean isFromLearner(Throwable failure, String learnerPackage) {
        return Arrays.stream(failure.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(learnerPackage + "."));
    }

    private static String limit(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length <= MAX_LINES) {
            return text;
        }
        return String.join("\n", Arrays.asList(lines).subList(0, MAX_LINES)) + "\n... (" + (lines.length - MAX_LINES)
                + " more lines)";
    }
}
