///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//DEPS org.openjdk.jcstress:jcstress-core:0.16
//JAVAC_OPTIONS -proc:full
//JAVA_OPTIONS --enable-native-access=ALL-UNNAMED

// A real jcstress test of the racy counter: the tool that finds the lost update a hand-written loop may miss. The
// counter and the test are both in this file, as in jcstress's own samples.
//
// Run:  ./jbang 2c-jcstress-counter
//       (most of its time goes to jcstress probing the JVM and starting JVMs: seconds on an idle machine, up to two
//       minutes on a heavily loaded one)
//
// jcstress creates a hundred thousand or more fresh UnguardedCounter objects; on each, two actor threads call
// increment() once, at as nearly the same instant as it can arrange, and an arbiter reads the final value. It counts
// every outcome it saw.
//
// You will see its table: outcome 2 ("both increments counted") most of the time, and outcome 1 - the lost update,
// declared FORBIDDEN below - from a handful to thousands of times. jcstress then reports the test as FAILED, which
// here is the point: the tool caught the race. The counts vary from run to run; on a heavily loaded machine, where
// the two threads seldom run at the same instant, a run can even miss outcome 1 - run it again.
//
// Notes for jcstress in a JBang script: jcstress generates code with an annotation processor, which JDK 23+ runs
// only when asked (-proc:full); the test must be in a package; it runs in a temporary directory, because jcstress
// leaves a results folder and a jcstress-results-*.bin.gz file behind, which this script deletes.
package threadsafety;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

public class JcstressCounter {
    /** The racy counter of 2a-lost-updates: count++ is read, add one, write back - three steps, no lock. */
    public static final class UnguardedCounter {
        private volatile int count;

        public void increment() {
            count++;
        }

        public int value() {
            return count;
        }
    }

    /** The test itself: one fresh counter per trial, two concurrent increments, then the value. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments counted")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update: both actors read 0, both wrote 1")
    @State
    public static class TwoIncrements {
        final UnguardedCounter counter = new UnguardedCounter();

        @Actor
        public void actor1() {
            counter.increment();
        }

        @Actor
        public void actor2() {
            counter.increment();
        }

        @Arbiter
        public void arbiter(I_Result result) {
            result.r1 = counter.value();
        }
    }

    private static final long TIMEOUT_MINUTES = 5;
    private static final String RESULTS_HEADER = "  Results across all configurations:";

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 0) {
            System.err.println("usage: ./jbang 2c-jcstress-counter (no arguments)");
            System.exit(2);
        }
        System.out.println("Running jcstress on UnguardedCounter (two actors increment, an arbiter reads the value).");
        Path workDir = Files.createTempDirectory("jcstress-counter");
        List<String> output;
        try {
            output = runJcstress(workDir);
        } finally {
            deleteRecursively(workDir);
        }
        List<String> table = resultTable(output);
        if (table.isEmpty()) {
            System.err.println("jcstress produced no results; its output was:");
            output.forEach(System.err::println);
            System.exit(1);
        }
        table.forEach(System.out::println);
        System.out.println();
        explain(table);
    }

    /**
     * Runs jcstress in a child JVM on this script's own classpath and returns what it printed. The options keep it
     * short: one JVM (-f 1) with three iterations of 200 ms, one JVM configuration (-jvmArgs) and no split per-actor
     * compilation (-sc false); the defaults would run 34 configurations and take minutes. -v prints the outcome table
     * even if the test passes. A test that hangs would hang jcstress too, hence the time limit.
     */
    private static List<String> runJcstress(Path workDir) throws IOException, InterruptedException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(javaBin, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.openjdk.jcstress.Main",
                "-t", TwoIncrements.class.getName().replace('$', '.'),
                "-time", "200", "-iters", "3", "-f", "1", "-sc", "false", "-jvmArgs", "-XX:+UnlockDiagnosticVMOptions",
                "-v");
        Path log = workDir.resolve("jcstress-output.txt");
        Process jcstress = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!jcstress.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            jcstress.descendants().forEach(ProcessHandle::destroyForcibly);
            jcstress.destroyForcibly().waitFor();
            List<String> partial = Files.readAllLines(log);
            partial.add("(stopped: jcstress did not finish within " + TIMEOUT_MINUTES + " minutes)");
            return partial;
        }
        return Files.readAllLines(log);
    }

    /** The rows under "Results across all configurations" in jcstress's final report; empty if there is none. */
    private static List<String> resultTable(List<String> output) {
        int header = output.lastIndexOf(RESULTS_HEADER);
        List<String> table = new ArrayList<>();
        if (header < 0) {
            return table;
        }
        for (String line : output.subList(header + 2, output.size())) {
            if (line.isBlank()) {
                break;
            }
            table.add(line);
        }
        return table;
    }

    private static void explain(List<String> table) {
        long lostUpdates = samplesOf(table, "1");
        long total = lostUpdates + samplesOf(table, "2");
        if (lostUpdates == 0) {
            System.out.printf("jcstress ran %,d trials and saw no lost update this time (on a very busy machine the"
                    + " threads seldom run at the same instant: run it again).%n", total);
            return;
        }
        System.out.printf("jcstress: FAILED - the forbidden outcome 1 (a lost update) appeared in %,d of %,d trials.%n",
                lostUpdates, total);
        System.out.println("""
                What it means: both threads read 0, both added one and both wrote 1, so one increment vanished.
                It happens in a small fraction of the trials - which is why a hand-written test can pass for weeks,
                and why jcstress runs a great many tiny trials on fresh objects and counts every outcome instead.
                FAILED is the result we wanted here: the tool proved the counter is not thread-safe.""");
    }

    /** The SAMPLES column of one outcome's row ("       1       39    0.08%   Forbidden  lost update: ..."). */
    private static long samplesOf(List<String> table, String outcome) {
        for (String row : table) {
            String[] columns = row.trim().split("\\s+");
            if (columns[0].equals(outcome)) {
                return Long.parseLong(columns[1].replace(",", ""));
            }
        }
        return 0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
