package kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a snippet's opening comment promises it prints: the phrases in double quotes of its "You will see" paragraph
 * (CONTRIBUTING.md, "A snippet"). Each is printed word for word on every run; {@code <name>} in a quote stands for
 * any text, and so does {@code ...}.
 */
public final class SnippetHeader {
    private static final Pattern QUOTE = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[\\w -]+>|\\.\\.\\.");
    private static final Pattern PARAGRAPH_END = Pattern.compile("^(|(Varies|Compare|Notes|Why|Run)\\b.*)$");

    private SnippetHeader() {}

    /** The "You will see" paragraph of the script's opening comment, its lines joined by spaces; empty if none. */
    public static String youWillSee(Path script) {
        List<String> paragraph = new ArrayList<>();
        for (String line : lines(script)) {
            if (!line.startsWith("//")) {
                if (paragraph.isEmpty()) {
                    continue; // directives and blank lines before the comment; code ends the search below
                }
                break;
            }
            String text = line.substring(2).strip();
            if (paragraph.isEmpty()) {
                if (text.contains("You will see")) {
                    paragraph.add(text.substring(text.indexOf("You will see")));
                }
            } else if (PARAGRAPH_END.matcher(text).matches()) {
                break;
            } else {
                paragraph.add(text);
            }
        }
        return String.join(" ", paragraph);
    }

    /** The quoted phrases of the "You will see" paragraph. */
    public static List<String> promises(Path script) {
        Matcher quote = QUOTE.matcher(youWillSee(script));
        List<String> promises = new ArrayList<>();
        while (quote.find()) {
            promises.add(quote.group(1));
        }
        return promises;
    }

    /** A promise as a pattern over one line of output: its text as it stands, placeholders matching any text. */
    public static Pattern pattern(String promise) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(promise);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(promise.substring(at, placeholder.start()))).append("[^\\n]*?");
            at = placeholder.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(promise.substring(at))).toString());
    }

    /** The promises that {@code output} does not keep; empty when it prints every one. */
    public static List<String> broken(Path script, String output) {
        return promises(script).stream().filter(promise -> !pattern(promise).matcher(output).find()).toList();
    }

    private static List<String> lines(Path script) {
        try {
            return Files.readAllLines(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
