package kit.grader.runner;

import kit.grader.api.Frames;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what a failed check threw into text a learner reads: the check's message, or where the learner's code threw.
 */
final class FailureText {
    private static final int MAX_LINES = 120;
    private static final Pattern JDK = Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\.(?!nio\\.ch\\.lincheck)");
    private static final Map<String, String> TOOLS = new LinkedHashMap<>();

    static {
        for (String lincheck : List.of("org.jetbrains.kotlinx.lincheck.", "org.jetbrains.lincheck.",
                "sun.nio.ch.lincheck.", "kotlin.", "kotlinx.")) {
            TOOLS.put(lincheck, "Lincheck (the model checker)");
        }
        TOOLS.put("org.junit.", "JUnit");
        TOOLS.put("org.opentest4j.", "JUnit");
        TOOLS.put("kit.grader.", "the grader's helper");
    }

    private FailureText() {}

    static String of(Throwable failure, String learnerPackage) {
        String text = failure instanceof AssertionError && failure.getMessage() != null
                ? failure.getMessage()
                : toolFailure(failure, learnerPackage).orElseGet(() -> thrownByCode(failure, learnerPackage));
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
                    .filter(f -> f.getClassName().startsWith(learnerPackage + "."))
                    .filter(f -> !f.getMethodName().startsWith("race$")) // the race detector's bridges
                    .limit(6).toList();
            if (frames.isEmpty()) {
                frames = Arrays.stream(t.getStackTrace()).limit(3).toList();
            }
            frames.forEach(f -> text.append("    at ").append(Frames.format(f)).append('\n'));
            t = t.getCause() == t ? null : t.getCause();
            prefix = "Caused by ";
        }
        return text.toString();
    }

    /**
     * A checking tool's own failure (Lincheck's, JUnit's): thrown in the tool's code, and no exception in the chain
     * was thrown by the learner's code. It is no verdict on the learner's code, and the learner is told so.
     */
    private static Optional<String> toolFailure(Throwable failure, String learnerPackage) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (thrower(t).filter(f -> f.getClassName().startsWith(learnerPackage + ".")).isPresent()) {
                return Optional.empty();
            }
        }
        Optional<String> tool = thrower(failure).map(f -> TOOLS.entrySet().stream()
                .filter(e -> f.getClassName().startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(null));
        return tool.map(name -> "The check could not run: " + name + ", which runs it, failed in its own code ("
                + failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage())
                + " at " + Frames.format(thrower(failure).orElseThrow()) + "). This is not an exception of your "
                + "code and says nothing about it either way, so the check's points are missing. Grade again; if it "
                + "happens every time, show this to your teacher.");
    }

    /** The frame that threw: the first one that is not the JDK's own. */
    private static Optional<StackTraceElement> thrower(Throwable t) {
        return Arrays.stream(t.getStackTrace()).filter(f -> !JDK.matcher(f.getClassName()).lookingAt()).findFirst();
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
