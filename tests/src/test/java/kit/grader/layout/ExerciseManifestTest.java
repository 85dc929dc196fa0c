package kit.grader.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest reader on hand-written manifests: what it accepts and how it refuses. */
class ExerciseManifestTest {
    @TempDir
    Path kit;

    private List<ExerciseManifest.Entry> read(String toml) throws IOException {
        Files.createDirectories(kit.resolve("exercises"));
        Files.writeString(kit.resolve(ExerciseManifest.PATH), toml);
        return ExerciseManifest.read(kit);
    }

    /** The reader's refusal of {@code toml}: its message, which must name the file. */
    private String refusal(String toml) {
        String message = assertThrows(IllegalArgumentException.class, () -> read(toml)).getMessage();
        assertTrue(message.startsWith(ExerciseManifest.PATH + ":"), "the refusal names the file: " + message);
        return message;
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), "expected to contain <" + expected + ">, was: " + actual);
    }

    @Test
    void readsEntriesInOrder() throws IOException {
        List<ExerciseManifest.Entry> entries = read("""
                [[exercise]]
                id = "counter"
                class = "ThreadSafeCounter"
                package = "counter"

                [[exercise]]
                id = "stop-flag"   # a comment
                class = "StoppableWorker"
                package = "stopflag"
                rule = "no-sleep"
                """);
        assertEquals(List.of(new ExerciseManifest.Entry("counter", "ThreadSafeCounter", "counter", ""),
                new ExerciseManifest.Entry("stop-flag", "StoppableWorker", "stopflag", "no-sleep")), entries);
    }

    @Test
    void skipsCommentLinesBlankLinesAndTrailingCommentsAndKeepsAHashInsideAValue() throws IOException {
        List<ExerciseManifest.Entry> entries = read("""
                # The exercises, in the chapter's order.
                #
                   # an indented comment

                [[exercise]]
                # a comment inside a table
                id = "counter"          # trailing comment
                class="ThreadSafeCounter"
                package   =   "counter"#no space before it
                rule = "rule#1"
                """);
        assertEquals(List.of(new ExerciseManifest.Entry("counter", "ThreadSafeCounter", "counter", "rule#1")), entries);
    }

    @Test
    void refusesAnEntryWithoutItsClass() {
        assertContains("needs class = \"...\"", refusal("""
                [[exercise]]
                id = "counter"
                package = "counter"
                """));
    }

    @Test
    void refusesAnUnknownKeyWithItsLine() {
        String message = refusal("""
                [[exercise]]
                id = "counter"
                class = "ThreadSafeCounter"
                packge = "counter"
                """);
        assertContains(ExerciseManifest.PATH + ":4: unknown key 'packge'", message);
        assertContains("[id, class, package, rule]", message);
    }

    @Test
    void refusesAKeyBeforeTheFirstTable() {
        assertContains(ExerciseManifest.PATH + ":2: a key before the first [[exercise]]", refusal("""
                # the exercises
                id = "counter"
                [[exercise]]
                class = "ThreadSafeCounter"
                package = "counter"
                """));
    }

    @Test
    void refusesAnIdListedTwice() {
        assertContains("exercise 'counter' listed twice", refusal("""
                [[exercise]]
                id = "counter"
                class = "ThreadSafeCounter"
                package = "counter"

                [[exercise]]
                id = "counter"
                class = "OtherCounter"
                package = "counter"
                """));
    }

    @Test
    void refusesAKeyGivenTwiceInOneTable() {
        assertContains(ExerciseManifest.PATH + ":3: 'id' given twice", refusal("""
                [[exercise]]
                id = "counter"
                id = "list"
                class = "ThreadSafeCounter"
                package = "counter"
                """));
    }

    @Test
    void refusesIdsThatAreNotLowerCaseWordsWithDashes() {
        for (String id : List.of("Counter", "1counter", "stop_flag", "-counter", "stop flag", "")) {
            String message = refusal("""
                    [[exercise]]
                    id = "%s"
                    class = "ThreadSafeCounter"
                    package = "counter"
                    """.formatted(id));
            assertContains("needs id = \"...\" matching", message);
            assertContains("not \"" + id + "\"", message);
        }
    }

    @Test
    void refusesAClassOrPackageThatIsNoJavaName() {
        assertContains("needs class", refusal("""
                [[exercise]]
                id = "counter"
                class = "Thread-Safe-Counter"
                package = "counter"
                """));
        assertContains("needs package", refusal("""
                [[exercise]]
                id = "stop-flag"
                class = "StoppableWorker"
                package = "stop-flag"
                """));
    }

    @Test
    void refusesWhatIsNotAKeyWithAQuotedString() {
        for (String line : List.of("id = counter", "id = 'counter'", "[exercise]", "id = \"a\\\"b\"", "ID = \"x\"")) {
            String message = refusal("[[exercise]]\n" + line + "\n");
            assertContains(ExerciseManifest.PATH + ":2: expected [[exercise]] or key = \"value\", found: " + line,
                    message);
        }
    }

    @Test
    void refusesAManifestWithoutExercises() {
        assertContains("lists no [[exercise]]", refusal("# nothing yet\n"));
    }

    @Test
    void saysWhenTheFileIsMissing() {
        String message = assertThrows(IllegalArgumentException.class, () -> ExerciseManifest.read(kit)).getMessage();
        assertContains(ExerciseManifest.PATH + ": cannot read it", message);
    }

    @Test
    void readsTheKitsOwnManifest() {
        Path kitDir = Path.of(System.getProperty("kit.dir", ".."));
        List<ExerciseManifest.Entry> entries = ExerciseManifest.read(kitDir);
        assertEquals("counter", entries.get(0).id(), "the chapter starts with the counter");
        for (ExerciseManifest.Entry e : entries) {
            assertEquals(e.id().replace("-", ""), e.packageName(),
                    "CONTRIBUTING: the package is the id without dashes");
        }
    }
}
