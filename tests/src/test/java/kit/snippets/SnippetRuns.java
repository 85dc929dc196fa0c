package kit.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kit.Catalog;
import kit.Kit;
import kit.SnippetHeader;

/** What the snippet tests share: running a one-liner, finding what it printed, and its answer to bad arguments. */
final class SnippetRuns {
    static final Duration TIMEOUT = Duration.ofMinutes(4);

    private SnippetRuns() {}

    /**
     * Runs {@code ./jbang command...} and requires exit code 0, and that it printed what its script's header promises
     * (the quoted phrases of "You will see", {@link #assertKeepsItsPromises}).
     */
    static Kit.Run succeeded(String... command) {
        Kit.Run run = Kit.jbang(TIMEOUT, command);
        assertEquals(0, run.exitCode(), run::describe);
        assertKeepsItsPromises(command[0], run);
        return run;
    }

    /** Fails when the run of {@code alias} did not print a phrase that its script's "You will see" quotes. */
    static void assertKeepsItsPromises(String alias, Kit.Run run) {
        Catalog.Alias script = Catalog.aliases().get(alias);
        assertTrue(script != null, "no alias " + alias);
        List<String> broken = SnippetHeader.broken(script.script(), run.stdout());
        assertEquals(List.of(), broken, script.scriptRef() + " says \"You will see\" these, and the run did not print"
                + " them (change the header or the snippet)\n" + run.describe());
    }

    /** The first match of {@code regex} in what the run printed; fails if there is none. */
    static Matcher matcher(Kit.Run run, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(run.stdout());
        assertTrue(matcher.find(), "no match for " + regex + "\n" + run.describe());
        return matcher;
    }

    /**
     * Bad arguments ({@code arguments}: space-separated, or blank for none) give exit code 2, one line on stderr that
     * starts with the alias's usage or with "error: ", and nothing on stdout.
     */
    static void assertUsageError(String alias, String arguments) {
        List<String> command = new ArrayList<>(List.of(alias));
        if (!arguments.isBlank()) {
            command.addAll(List.of(arguments.split(" ")));
        }
        Kit.Run run = Kit.jbang(TIMEOUT, command.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run::describe);
        List<String> errors = run.stderr().lines().filter(line -> !line.startsWith("[jbang]")).toList();
        assertEquals(1, errors.size(), "one line on stderr\n" + run.describe());
        assertTrue(errors.get(0).startsWith("usage: ./jbang " + alias) || errors.get(0).startsWith("error: "),
                run::describe);
        assertTrue(run.stdout().isBlank(), run::describe);
    }
}
