package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kit works with JBang installed the usual way, with no help from ./jbang, and its Java code starts no shell,
 * so that learners on Windows can use it from PowerShell. "Installed JBang" here is JBang's own launcher protocol
 * (run dev.jbang.Main; exit code 255 means "execute the command line printed") over the jars ./jbang fetched,
 * without ./jbang's catalog override, with a clean environment: only HOME, PATH (that launcher, the JDK, the
 * system) and JAVA_HOME.
 */
class AnyJBangTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    /** A string literal in Java code that starts a shell or names a Unix-only file. */
    private static final Pattern SHELL_OR_UNIX_PATH = Pattern.compile(
            "\"((ba|z)?sh|cmd(\\.exe)?|powershell(\\.exe)?|/bin/[^\"]*|/usr/[^\"]*|/dev/null|/tmp[^\"]*)\"");

    @Test
    void noJavaCodeOfTheKitStartsAShellOrNamesAUnixOnlyPath() throws IOException {
        List<String> found = new ArrayList<>();
        for (String dir : List.of("snippets", "grader", "tools", "notebooks", "course")) {
            try (Stream<Path> files = Files.walk(Kit.DIR.resolve(dir))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (SHELL_OR_UNIX_PATH.matcher(lines.get(i)).find()) {
                            found.add(Kit.DIR.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "start programs directly (ProcessBuilder with java, jbang, jupyter), never "
                + "through a shell, and build paths with Path.resolve");
    }

    @Test
    void everyKindOfAliasWorksWithAnInstalledJBang() throws IOException {
        Path bin = Files.createTempDirectory("kit-installed-jbang-");
        Path log = bin.resolve("invocations.log");
        Path launcher = bin.resolve("jbang");
        Path jars = Path.of(System.getProperty("user.home"), ".cache", "concurrency-kit", "jbang-0.132.1");
        Files.writeString(launcher, String.join("\n",
                "#!/bin/sh",
                "# JBang's launcher protocol, as its installed 'jbang' script does it",
                "echo \"$*\" >>'" + log + "'",
                "output=$(java -classpath '" + jars + "/*' dev.jbang.Main \"$@\"); status=$?",
                "[ $status -eq 255 ] && eval \"exec $output\"",
                "[ -n \"$output\" ] && printf '%s\\n' \"$output\"",
                "exit $status", ""));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        Kit.Run aliases = installed(bin, "alias", "list", ".");
        assertEquals(0, aliases.exitCode(), aliases::describe);
        for (String alias : Catalog.aliases().keySet()) {
            assertTrue(aliases.stdout().contains(alias + "@."), alias + " is listed\n" + aliases.describe());
        }
        // One alias of each kind: the grader, one that passes the grader a word (watch, progress, reset), the
        // kernel installer, and the tour, which starts each of its examples with the JBang that is installed.
        expect(installed(bin, "grade", "counter", "--hint"), 0, "Hints for `counter`");
        expect(installed(bin, "watch", "--help"), 0, "usage: ./jbang watch");
        expect(installed(bin, "kernel", "--no-such-option"), 2, "usage: ./jbang kernel");
        Kit.Run tour = installed(bin, "tour", "3");
        expect(tour, 0, " 0 failed");
        List<String> started = Files.readAllLines(log);
        for (String alias : List.of("3a-condition-queue", "3b-sleep-polling", "3c-bounded-buffer",
                "3d-blocking-queue")) {
            assertTrue(started.stream().anyMatch(line -> line.startsWith(alias)),
                    "the tour ran " + alias + " with the installed JBang, not ./jbang: " + started);
        }
        Files.delete(log);
        Files.delete(launcher);
        Files.delete(bin);
    }

    private static void expect(Kit.Run run, int exitCode, String text) {
        assertEquals(exitCode, run.exitCode(), run::describe);
        assertTrue(run.output().contains(text), "expected '" + text + "'\n" + run.describe());
    }

    /** {@code jbang args...} in the kit, with nothing of ./jbang's environment. */
    private static Kit.Run installed(Path bin, String... args) {
        List<String> command = new ArrayList<>(List.of("env", "-i", "HOME=" + System.getProperty("user.home"),
                "JAVA_HOME=" + System.getProperty("java.home"),
                "PATH=" + bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin",
                bin.resolve("jbang").toString()));
        command.addAll(List.of(args));
        return Kit.run(Kit.DIR, TIMEOUT, command);
    }
}
