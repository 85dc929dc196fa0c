package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Proof that {@code ./jbang grade <id> --stress} works: every buggy variant whose patch header says {@code
 * STRESS-CAUGHT-BY: <part of a jcstress check's name>} fails that check in every run ({@link Kit#PROOF_RUNS}); the
 * reference solutions pass every jcstress check in every run; and pinned to one CPU the checks are skipped, not passed.
 * Only the jcstress checks run ({@code --only jcstress}), one grading at a time, because jcstress needs every CPU for
 * its actors.
 */
@Isolated("jcstress needs every CPU for its actors")
@Order(Integer.MAX_VALUE) // last: it waits for GraderTest to end anyway
class StressTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(6);
    private static final String MARKER = "STRESS-CAUGHT-BY";
    private static final Pattern CHECK_LINE = Pattern.compile("^\\[(PASS|FAIL|SKIP)\\] (\\d+)/(\\d+) (jcstress.*)$",
            Pattern.MULTILINE);
    private static final int RUNS = Kit.PROOF_RUNS;

    @TestFactory
    Stream<DynamicTest> everyMarkedVariantFailsItsStressChecksInEveryRun() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Variant variant : Variant.all(Kit.DIR, "buggy")) {
            List<String> caughtBy = variant.values(MARKER);
            if (caughtBy.isEmpty()) {
                continue;
            }
            String id = variant.exercise();
            tests.add(DynamicTest.dynamicTest(id + "/" + variant.name(), () -> {
                Path dir = variant.materialise(Kit.DIR, Files.createTempDirectory("stress-" + variant.name()));
                for (int run = 1; run <= RUNS; run++) {
                    Kit.Run grading = Kit.jbang(TIMEOUT, "grade", id, "--dir", dir.toString(), "--stress",
                            "--only", "jcstress");
                    String account = "run " + run + " of " + RUNS + "\n" + grading.describe();
                    assertEquals(1, grading.exitCode(), account);
                    for (String check : caughtBy) {
                        assertTrue(lines(grading, "FAIL").stream().anyMatch(name -> name.contains(check)),
                                "the jcstress check '" + check + "' must fail\n" + account);
                    }
                    assertTrue(grading.stdout().contains("RESULT") && grading.stdout().contains("On "
                            + System.getProperty("os.arch")), "the outcome table and the CPU\n" + account);
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void theSolutionsPassEveryStressCheckInEveryRun() throws IOException {
        for (int run = 1; run <= RUNS; run++) {
            Path json = Files.createTempDirectory("stress-test").resolve("results.json");
            Kit.Run grading = Kit.jbang(TIMEOUT, "grade", "--solutions", "--stress", "--only", "jcstress", "--json",
                    json.toString());
            String account = "run " + run + " of " + RUNS + "\n" + grading.describe();
            assertEquals(0, grading.exitCode(), account);
            assertEquals((int) stressTestCount(), lines(grading, "PASS").size(),
                    "every jcstress check passes\n" + account);
            assertTrue(lines(grading, "FAIL").isEmpty() && lines(grading, "SKIP").isEmpty(), account);
            String results = Files.readString(json);
            assertTrue(results.contains("\"name\": \"counter: jcstress: ") && !results.contains("\"failed\""),
                    "every jcstress check in results.json, passed\n" + results);
            assertTrue(grading.stdout().contains("-- jcstress: no stress test of parallel-map"), account);
            assertTrue(Files.isRegularFile(Kit.DIR.resolve("results/stress-all/index.html")),
                    "jcstress's HTML report is kept\n" + account);
        }
    }

    @Test
    void onOneCpuTheStressChecksAreSkippedNotPassed() {
        Kit.Run grading = Kit.run(Kit.DIR, TIMEOUT, List.of("taskset", "-c", "0", Kit.DIR.resolve("jbang")
                .toString(), "grade", "counter", "--solutions", "--stress", "--only", "jcstress"));
        String account = grading.describe();
        assertEquals(1, grading.exitCode(), "a skipped check is not full marks\n" + account);
        assertTrue(lines(grading, "PASS").isEmpty() && !lines(grading, "SKIP").isEmpty(), account);
        assertTrue(grading.stdout().contains("skipped: 1 CPU here, this test needs 2"), account);
        assertTrue(grading.stdout().contains("counter: 0/2 points"), account);
    }

    @Test
    void withoutStressNoJcstressCheckRuns() {
        Kit.Run grading = Kit.jbang(TIMEOUT, "grade", "counter", "--solutions", "--only", "one thread");
        assertEquals(0, grading.exitCode(), grading.describe());
        assertFalse(grading.stdout().contains("jcstress"), grading.describe());
    }

    /** The names of the jcstress checks the grading printed with this verdict (PASS, FAIL or SKIP). */
    private static List<String> lines(Kit.Run grading, String verdict) {
        List<String> names = new ArrayList<>();
        Matcher line = CHECK_LINE.matcher(grading.stdout());
        while (line.find()) {
            if (line.group(1).equals(verdict)) {
                names.add(line.group(4));
            }
        }
        return names;
    }

    /** One jcstress check per file in grader/stress/&lt;id&gt;/. */
    private static long stressTestCount() {
        try (Stream<Path> files = Files.walk(Kit.DIR.resolve("grader/stress"))) {
            return files.filter(f -> f.toString().endsWith(".java")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
