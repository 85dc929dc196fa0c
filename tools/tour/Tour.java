///usr/bin/env jbang "$0" "$@" ; exit $?
// The kit's guided tour: every example of the chapter, in the chapter's order, each run as its one-liner.
//
// Run:   ./jbang tour              (all examples, about a minute)
//        ./jbang tour 2            (only principle 2, thread safety; 1 = threading, 3 = publish/subscribe)
//        ./jbang tour --list       (what it would run)
// See:   for each principle a one-line summary, then for each example the command, what it shows, its output and
//        how long it took; at the end a table of all steps. Numbers in the output vary from run to run.
//JAVA 21+
//DEPS com.google.code.gson:gson:2.13.1
//SOURCES ../lib/OnPath.java

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class Tour {
    private static final Map<Character, String> PRINCIPLES = Map.of(
            '1', "Threading: scale out by adding processes, prefer asynchronous I/O, use threads only as an "
                    + "optimisation.",
            '2', "Thread safety: data that threads share needs a guard (a lock, an atomic variable, a concurrent "
                    + "collection), and names that say so.",
            '3', "Publish/subscribe: wait for a change of shared state on a condition object and announce it there;"
                    + " never sleep-poll.");

    /** Arguments that keep the heavier examples short on the tour; everything else runs with its defaults. */
    private static final Map<String, List<String>> QUICK_ARGUMENTS = Map.of(
            "1a-scale-out-consumers", List.of("--events", "60", "--instances", "2"),
            "1b-data-exporter", List.of("--records", "20", "--latency-ms", "20"),
            "1d-housekeeping", List.of(".", "--dry-run"),
            "2a-lost-updates", List.of("8", "2000000"),
            "2h-unsafe-collections", List.of("4", "100000"),
            "2j-shared-reads", List.of("4", "500000"));

    /** Examples too slow for a one-minute tour, with what to do instead. */
    private static final Map<String, String> SKIPPED = Map.of(
            "2c-jcstress-counter", "jcstress takes one to two minutes; run it on its own");

    private record Step(String alias, String description) {}

    private record Outcome(Step step, int exitCode, double seconds, boolean skipped) {}

    public static void main(String[] args) throws Exception {
        Path kit = kitDirectory();
        List<Step> steps = steps(kit);
        String argument = args.length == 1 ? args[0] : null;
        boolean listOnly = "--list".equals(argument);
        boolean onePrinciple = argument != null && argument.length() == 1 && PRINCIPLES.containsKey(argument.charAt(0));
        if (args.length > 1 || (argument != null && !listOnly && !onePrinciple)) {
            System.err.println("usage: ./jbang tour [1|2|3|--list]");
            System.exit(2);
        }
        if (onePrinciple) {
            steps = steps.stream().filter(step -> step.alias().charAt(0) == argument.charAt(0)).toList();
        }
        if (listOnly) {
            steps.forEach(step -> System.out.printf("./jbang %s%n    %s%n", commandLine(step), step.description()));
            return;
        }

        List<Outcome> outcomes = new ArrayList<>();
        char principle = 0;
        for (Step step : steps) {
            if (step.alias().charAt(0) != principle) {
                principle = step.alias().charAt(0);
                System.out.println("\n=== " + PRINCIPLES.get(principle) + "\n");
            }
            System.out.println("--- ./jbang " + commandLine(step) + "   # " + step.description());
            if (SKIPPED.containsKey(step.alias())) {
                System.out.println("    (skipped on the tour: " + SKIPPED.get(step.alias()) + ")\n");
                outcomes.add(new Outcome(step, 0, 0, true));
            } else {
                outcomes.add(run(kit, step));
            }
        }
        summarise(outcomes);
    }

    private static Outcome run(Path kit, Step step) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jbang(kit), step.alias()));
        command.addAll(QUICK_ARGUMENTS.getOrDefault(step.alias(), List.of()));
        long start = System.nanoTime();
        int exitCode = new ProcessBuilder(command).directory(kit.toFile()).inheritIO().start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("    (%s, %.1f s)%n%n", exitCode == 0 ? "ok" : "exit code " + exitCode, seconds);
        return new Outcome(step, exitCode, seconds, false);
    }

    private static void summarise(List<Outcome> outcomes) {
        System.out.println("=== Tour summary");
        outcomes.forEach(o -> System.out.printf("  %-28s %5.1f s  %s%n", o.step().alias(), o.seconds(),
                o.skipped() ? "skipped" : o.exitCode() == 0 ? "ok" : "FAILED (exit code " + o.exitCode() + ")"));
        long failed = outcomes.stream().filter(o -> o.exitCode() != 0).count();
        long skipped = outcomes.stream().filter(Outcome::skipped).count();
        double total = outcomes.stream().mapToDouble(Outcome::seconds).sum();
        System.out.printf("%d examples, %d failed, %d skipped, %.0f s in all%n", outcomes.size(), failed, skipped,
                total);
        System.out.println("Next: the notebooks in notebooks/, and the exercises: ./jbang grade counter");
        if (failed > 0) {
            System.exit(1);
        }
    }

    private static String commandLine(Step step) {
        List<String> quick = QUICK_ARGUMENTS.getOrDefault(step.alias(), List.of());
        return String.join(" ", step.alias(), String.join(" ", quick)).strip();
    }

    /**
     * How each step starts JBang: the kit's ./jbang when the tour was started through it (it says so in KIT_JBANG);
     * otherwise the JBang the learner installed (SDKMAN, brew, scoop, choco: `jbang` on PATH); otherwise, where
     * there is bash, the kit's ./jbang. Always started directly, never through a shell.
     */
    private static String jbang(Path kit) {
        String wrapper = System.getenv("KIT_JBANG");
        if (wrapper != null && Files.isExecutable(Path.of(wrapper))) {
            return wrapper;
        }
        return OnPath.find("jbang").map(Path::toString).orElseGet(() -> {
            if (OnPath.windows()) {
                System.err.println("error: the tour runs each example with JBang: install it (scoop install jbang, "
                        + "or choco install jbang) and run 'jbang tour' again");
                System.exit(2);
            }
            return kit.resolve("jbang").toString();
        });
    }

    /** The snippet aliases of jbang-catalog.json, sorted: their prefixes put them in the chapter's order. */
    private static List<Step> steps(Path kit) throws IOException {
        JsonObject aliases = JsonParser.parseString(Files.readString(kit.resolve("jbang-catalog.json")))
                .getAsJsonObject().getAsJsonObject("aliases");
        return aliases.keySet().stream()
                .filter(alias -> alias.matches("[1-3][a-z]-.+"))
                .sorted()
                .map(alias -> new Step(alias, aliases.getAsJsonObject(alias).get("description").getAsString()))
                .toList();
    }

    /** The kit's root: this script lives in tools/tour/ (JBang runs it from its cache, so ask the caller's dir). */
    private static Path kitDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("jbang-catalog.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            System.err.println("error: run the tour from inside the kit (no jbang-catalog.json above "
                    + Path.of("").toAbsolutePath() + ")");
            System.exit(2);
        }
        return dir;
    }
}
