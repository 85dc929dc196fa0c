package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ./jbang explains bad input in one line and a non-zero exit code, never with a stack trace. */
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

    static void assertNoStackTrace(Kit.Run run) {
        assertFalse(run.output().contains("\tat "), "a bare stack trace: " + run.describe());
        assertFalse(run.output().contains("Exception in thread"), "a bare stack trace: " + run.describe());
    }
}
