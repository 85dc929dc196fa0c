package kit.grader.host;

import kit.grader.api.TimeLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and points of the checks read from their source text. Used only when the learner's code does not
 * compile, so that the report still lists every check (with 0 points) and the right maximum.
 */
final class CheckSourceScan {
    private static final Pattern METHOD = Pattern.compile(
            "((?:@[\\w.]+(?:\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^)\"])*\\))?\\s*)+)(?:public\\s+|protected\\s+)?void\\s+(\\w+)\\s*\\(");
    private static final Pattern TEST = Pattern.compile("@(?:org\\.junit\\.jupiter\\.api\\.)?Test\\b(?!\\w)");
    private static final Pattern NAME = Pattern.compile("@(?:[\\w.]+\\.)?DisplayName\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern POINTS = Pattern.compile("@(?:[\\w.]+\\.)?Points\\(\\s*(?:value\\s*=\\s*)?(\\d+)");

    private CheckSourceScan() {}

    static List<Check> find(List<Path> checkSources) {
        List<Check> checks = new ArrayList<>();
        for (Path source : checkSources) {
            String text = read(source).replaceAll("(?m)\\s//[^\"\\n]*$", ""); // end-of-line comments
            String className = source.getFileName().toString().replace(".java", "");
            Matcher method = METHOD.matcher(text);
            while (method.find()) {
                String annotations = method.group(1);
                if (!TEST.matcher(annotations).find()) {
                    continue;
                }
                Matcher name = NAME.matcher(annotations);
                Matcher points = POINTS.matcher(annotations);
                checks.add(new Check(className, method.group(2),
                        name.find() ? name.group(1).replace("\\\"", "\"") : method.group(2),
                        points.find() ? Integer.parseInt(points.group(1)) : 1, TimeLimit.DEFAULT_SECONDS,
                        TimeLimit.NO_CPU_LIMIT));
            }
        }
        return checks;
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
