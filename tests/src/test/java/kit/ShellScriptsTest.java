package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kit's shell scripts pass shellcheck (warnings and errors), and the ones a learner runs use no GNU-only options,
 * since README promises macOS (BSD tools) too.
 */
class ShellScriptsTest {
    /** GNU-only forms that macOS's BSD tools reject, and what to write instead. */
    private static final Map<String, String> GNU_ONLY = Map.of(
            "mv -T", "mv without -T (test first whether the target exists)",
            "readlink -f", "a loop over plain readlink (kit_resolve_links in tools/find-jdk.sh)",
            "realpath -m", "case $path in /*) ... esac",
            "sed -i ", "a temporary file, or sed -i.bak",
            "grep -P", "grep -E",
            "%N", "whole seconds, or a Java program for finer timing");
    /** Scripts for measurements on the kit's Linux CI (they read /proc, use GNU time and taskset). */
    private static final List<String> LINUX_ONLY = List.of("tools/grading-timings", "tools/startup-timings",
            "tools/variants/verdicts");

    @Test
    void everyShellScriptPassesShellcheck() {
        List<Path> scripts = shellScripts();
        assertTrue(scripts.contains(Kit.DIR.resolve("jbang")) && scripts.contains(Kit.DIR.resolve("test"))
                && scripts.contains(Kit.DIR.resolve("tools/find-jdk.sh")), "found the scripts: " + scripts);
        List<String> command = new ArrayList<>(List.of("shellcheck", "--severity=warning", "--format=gcc"));
        scripts.forEach(script -> command.add(Kit.DIR.relativize(script).toString()));
        Kit.Run run;
        try {
            run = Kit.run(Kit.DIR, Duration.ofMinutes(2), command);
        } catch (AssertionError e) {
            if (e.getCause() instanceof IOException) {
                fail("shellcheck is not installed. Install it (Debian/Ubuntu: 'apt-get install shellcheck', macOS: "
                        + "'brew install shellcheck', Windows: 'scoop install shellcheck'); ./test installs it itself "
                        + "when run as root on Debian.");
            }
            throw e;
        }
        assertEquals(0, run.exitCode(), "shellcheck found problems:\n" + run.stdout() + run.stderr());
    }

    @Test
    void scriptsALearnerRunsUseNoGnuOnlyOptions() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path script : shellScripts()) {
            String name = Kit.DIR.relativize(script).toString();
            if (LINUX_ONLY.contains(name)) {
                continue;
            }
            List<String> lines = Files.readAllLines(script);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceFirst("^\\s*#.*$", "").replaceFirst("\\s#\\s.*$", "");
                for (Map.Entry<String, String> gnu : GNU_ONLY.entrySet()) {
                    if (code.contains(gnu.getKey())) {
                        found.add(name + ":" + (i + 1) + ": '" + gnu.getKey() + "' - use " + gnu.getValue());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "GNU-only options, which macOS lacks");
    }

    /** Files with a sh/bash shebang, and *.sh files (sourced ones), outside .git and build output. */
    private static List<Path> shellScripts() {
        try (Stream<Path> files = Files.walk(Kit.DIR)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !Kit.DIR.relativize(f).toString().matches("(\\.git|tests/target|notebooks)/.*"))
                    .filter(ShellScriptsTest::isShellScript).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isShellScript(Path file) {
        if (file.toString().endsWith(".sh")) {
            return true;
        }
        try (Stream<String> lines = Files.lines(file)) {
            String first = lines.findFirst().orElse("");
            return first.matches("#!\\s*(/bin/|/usr/bin/env )(ba|da|z)?sh\\b.*");
        } catch (IOException | UncheckedIOException e) {
            return false; // a binary file
        }
    }
}
