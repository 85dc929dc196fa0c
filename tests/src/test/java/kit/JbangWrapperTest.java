package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./jbang explains bad input in one line and a non-zero exit code, never with a stack trace; and the command line it
 * remembers from JBang is never used once a file it was built from changed.
 */
class JbangWrapperTest {

    @Test
    void anUnknownAliasIsNamedAndExitsNonZero() {
        Kit.Run run = Kit.jbang(Duration.ofMinutes(1), "no-such-example");
        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("'no-such-example'"), run::describe);
        assertNoStackTrace(run);
    }

    @Test
    void withoutAJdk21TheWrapperSaysWhatToInstall() {
        // Only JDK 17 in sight: no JAVA_HOME, the JDK 17 javac first on PATH, and no usual places to search.
        Kit.Run run = Kit.run(Kit.DIR, Duration.ofMinutes(1), List.of("env", "-u", "JAVA_HOME", "-u", "KIT_JAVA_HOME",
                "PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/bin:/bin", "KIT_JDK_DIRS=/nonexistent",
                "./jbang", "version"));
        assertEquals(4, run.exitCode(), run::describe);
        assertEquals(1, run.stderr().lines().count(), "one line: " + run.describe());
        assertTrue(run.stderr().contains("JDK 21 or newer"), run::describe);
        assertTrue(run.stderr().contains("install"), run::describe);
    }

    @Test
    void aKitJavaHomeThatIsTooOldIsRefused() {
        Kit.Run run = Kit.run(Kit.DIR, Duration.ofMinutes(1), List.of("env",
                "KIT_JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64", "./jbang", "version"));
        assertNotEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("KIT_JAVA_HOME"), run::describe);
        assertNoStackTrace(run);
    }

    @Test
    void aRememberedCommandLineIsDroppedWhenASourceChanges(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("Remembered.java");
        Path sources = Files.createDirectories(dir.resolve("more"));
        String main = """
                //SOURCES more/*.java
                public class Remembered {
                    public static void main(String[] args) throws Exception {
                        String extra;
                        try {
                            extra = (String) Class.forName("Extra").getMethod("word").invoke(null);
                        } catch (ClassNotFoundException e) {
                            extra = "-";
                        }
                        System.out.println("%s " + String.join(",", args) + " " + Word.word() + " " + extra);
                    }
                }
                """;
        Files.writeString(script, main.formatted("one"));
        Files.writeString(sources.resolve("Word.java"), "class Word { static String word() { return \"a\"; } }\n");
        assertPrints("one x a -", script, "x"); // JBang builds the jar
        assertPrints("one y,z a -", script, "y", "z"); // JBang answers as before: remembered
        Kit.Run recalled = run(true, script, "w");
        assertEquals("one w a -", recalled.stdout().strip(), recalled::describe);
        assertFalse(recalled.stderr().contains("dev.jbang.Main"), "JBang ran: " + recalled.describe());

        Files.writeString(script, main.formatted("two"));
        assertPrints("two x a -", script, "x");
        assertPrints("two x a -", script, "x");
        Files.writeString(sources.resolve("Word.java"), "class Word { static String word() { return \"b\"; } }\n");
        assertPrints("two x b -", script, "x");
        assertPrints("two x b -", script, "x");
        Files.writeString(sources.resolve("Extra.java"), "public class Extra { public static String word() { "
                + "return \"c\"; } }\n"); // a new file in the //SOURCES glob: only the folder changed
        assertPrints("two x b c", script, "x");
    }

    private static void assertPrints(String expected, Path script, String... args) {
        Kit.Run run = run(false, script, args);
        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(expected, run.stdout().strip(), run::describe);
    }

    /** ./jbang SCRIPT ARGS..., traced by bash (-x) when {@code traced}. */
    private static Kit.Run run(boolean traced, Path script, String... args) {
        List<String> command = new ArrayList<>(traced ? List.of("bash", "-x") : List.of());
        command.add(Kit.DIR.resolve("jbang").toString());
        command.add(script.toString());
        command.addAll(List.of(args));
        return Kit.run(Kit.DIR, Duration.ofMinutes(2), command);
    }

    static void assertNoStackTrace(Kit.Run run) {
        assertFalse(run.output().contains("\tat "), "a bare stack trace: " + run.describe());
        assertFalse(run.output().contains("Exception in thread"), "a bare stack trace: " + run.describe());
    }
}
