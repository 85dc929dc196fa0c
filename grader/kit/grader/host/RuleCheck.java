package kit.grader.host;

import kit.grader.layout.Rule;
import kit.grader.layout.KitLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** Checks an exercise's stated rule by reading the learner's source, with comments and string literals removed. */
final class RuleCheck {
    private RuleCheck() {}

    static CheckResult run(Rule rule, List<Path> sources, KitLayout paths) {
        List<String> violations = new ArrayList<>();
        for (Path source : sources) {
            String code = withoutCommentsAndStrings(read(source));
            for (Rule.Forbidden forbidden : rule.forbidden()) {
                Matcher m = forbidden.pattern().matcher(code);
                while (m.find()) {
                    violations.add(paths.show(source) + ":" + lineOf(code, m.start())
                            + " uses " + m.group().strip() + " - " + forbidden.why() + ".");
                }
            }
        }
        String name = name(rule);
        if (violations.isEmpty()) {
            return CheckResult.passed(name, rule.points());
        }
        return CheckResult.failed(name, rule.points(),
                "The exercise's README sets a rule: " + rule.summary() + ".\n" + String.join("\n", violations));
    }

    static String name(Rule rule) {
        return "Follows the rule: " + rule.summary();
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String code, int index) {
        return (int) code.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Blanks out comments and string/char literals (keeping line breaks), so only code is matched. */
    static String withoutCommentsAndStrings(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                out.append("\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(c).append(c);
                i = Math.min(j + 1, source.length());
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
