package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The kit's main job, README's first command: the guided tour runs every example in order and all succeed. */
class TourTest {

    @Test
    void theTourRunsEveryExampleInTheChaptersOrder() {
        Kit.Run run = Kit.jbang(Duration.ofMinutes(6), "tour");
        assertEquals(0, run.exitCode(), run::describe);
        List<String> snippets = Catalog.aliases().keySet().stream().filter(a -> a.matches("[1-3][a-z]-.+")).sorted()
                .toList();
        List<String> ran = Pattern.compile("^--- \\./jbang (\\S+)", Pattern.MULTILINE).matcher(run.stdout()).results()
                .map(match -> match.group(1)).toList();
        assertEquals(snippets, ran, "the tour runs each snippet once, in the chapter's order");
        Matcher summary = Pattern.compile("(\\d+) examples, 0 failed").matcher(run.stdout());
        assertTrue(summary.find(), run::describe);
        assertEquals(snippets.size(), Integer.parseInt(summary.group(1)));
    }

    @Test
    void aWrongArgumentGetsTheUsage() {
        Kit.Run run = Kit.jbang(Duration.ofMinutes(2), "tour", "7");
        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("usage: ./jbang tour"), run::describe);
    }
}
