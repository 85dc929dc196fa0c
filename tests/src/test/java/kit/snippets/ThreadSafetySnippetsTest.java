package kit.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static kit.snippets.SnippetRuns.succeeded;
import static kit.snippets.SnippetRuns.matcher;
import static kit.snippets.SnippetRuns.assertUsageError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kit.Kit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs every Thread safety snippet (aliases 2a-2k) and checks what it must show. Races are asserted only where the
 * load makes them overwhelmingly likely on a busy 2-core machine; everything that must hold on every run (a lock
 * loses nothing, the chapter's example prints -1) is asserted exactly.
 */
class ThreadSafetySnippetsTest {

    @Test
    void unguardedCounterLosesUpdatesUnderHeavyLoad() {
        Kit.Run run = succeeded("2a-lost-updates", "8", "10000000");
        Matcher row = matcher(run, "(?m)^\\s+8\\s+10,000,000\\s+80,000,000\\s+([\\d,]+)\\s+([\\d,]+)$");
        long actual = number(row.group(1));
        long lost = number(row.group(2));
        assertEquals(80_000_000L, actual + lost, run::describe);
        assertTrue(lost > 0, "8 threads x 10,000,000 unguarded increments lost none\n" + run.describe());
    }

    @Test
    void threadSafeCounterLosesNothingUnderTheSameLoad() {
        Kit.Run run = succeeded("2b-thread-safe-counter", "8", "1000000");
        assertTrue(run.stdout().contains("unguarded counter: actual"), run::describe);
        Matcher row = matcher(run, "ThreadSafeCounter: actual\\s+([\\d,]+)\\s+lost\\s+([\\d,]+)");
        assertEquals(8_000_000L, number(row.group(1)), run::describe);
        assertEquals(0L, number(row.group(2)), run::describe);
    }

    /** jcstress's outcome counts are statistical: one rerun is allowed before the lost update must have shown. */
    @Test
    void jcstressFindsTheLostUpdateAndLeavesNoFilesBehind() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> tempBefore = leftovers(temp, "jcstress-counter");
        Kit.Run run = Kit.jbang(Duration.ofMinutes(6), "2c-jcstress-counter");
        if (run.exitCode() == 0 && run.stdout().contains("saw no lost update")) {
            run = Kit.jbang(Duration.ofMinutes(6), "2c-jcstress-counter");
        }
        assertEquals(0, run.exitCode(), run::describe);
        SnippetRuns.assertKeepsItsPromises("2c-jcstress-counter", run);
        Kit.Run finished = run;
        assertTrue(run.stdout().contains("Acceptable  both increments counted"), run::describe);
        assertTrue(run.stdout().contains("Forbidden  lost update: both actors read 0, both wrote 1"), run::describe);
        Matcher verdict = matcher(run, "FAILED - the forbidden outcome 1 \\(a lost update\\) appeared in ([\\d,]+) of");
        assertTrue(number(verdict.group(1)) > 0, run::describe);
        assertTrue(run.stdout().contains("the tool proved the counter is not thread-safe"), run::describe);

        assertEquals(List.of(), leftovers(Kit.DIR, "jcstress-results-"),
                () -> "jcstress files left in the kit\n" + finished.describe());
        assertEquals(tempBefore, leftovers(temp, "jcstress-counter"), "the snippet's temporary directory is left");
    }

    @Test
    void fileLockMakesTheCountExactAcrossProcessesWhileNoLockLosesIncrements() {
        Kit.Run run = succeeded("2d-process-file-lock", "3", "20000");
        Matcher unlocked = matcher(run, "without a lock:\\s+count in file\\s+([\\d,]+)\\s+lost\\s+([\\d,]+)");
        Matcher locked = matcher(run, "with FileLock:\\s+count in file\\s+([\\d,]+)\\s+lost\\s+([\\d,]+)");
        assertEquals(60_000L, number(locked.group(1)), run::describe);
        assertEquals(0L, number(locked.group(2)), run::describe);
        assertTrue(number(unlocked.group(2)) > 0, "3 processes x 20,000 unlocked increments lost none\n"
                + run.describe());
    }

    @Test
    void atomicIntRunsTheChaptersExampleAndStaysExactUnderThreads() {
        Kit.Run run = succeeded("2e-atomic-int");
        assertTrue(run.stdout().contains("myInt.increment(1) returns 1\n"), run::describe);
        assertTrue(run.stdout().contains("myInt.decrement(2) returns -1\n"), run::describe);
        assertTrue(run.stdout().contains("myInt.value() = -1\n"), run::describe);
        assertTrue(run.stdout().contains("expected -400,000, actual -400,000"), run::describe);
        assertTrue(run.stdout().contains("compareAndSet(5, 10) on 5: true, value 10"), run::describe);
        assertTrue(run.stdout().contains("compareAndSet(5, 20) on 10: false, value 10"), run::describe);
    }

    @Test
    void javaAtomicsShowTheirApisAndEveryCounterCountsEverything() {
        Kit.Run run = succeeded("2f-java-atomics", "2", "200000");
        String out = run.stdout();
        assertTrue(out.contains("incrementAndGet()          -> 1"), run::describe);
        assertTrue(out.contains("compareAndSet(1, 10)       -> true, value 10"), run::describe);
        assertTrue(out.contains("compareAndSet(1, 20)       -> false, value 10"), run::describe);
        assertTrue(out.contains("updateAndGet(x -> x * 3)   -> 30"), run::describe);
        assertTrue(out.contains("sum() -> 42"), run::describe);
        assertTrue(out.contains("getAndAdd(+1) -> 1, compareAndSet(1, 5) -> true, value 5"), run::describe);
        for (String counter : List.of("AtomicInt (synchronized)", "ThreadSafeCounter (ReentrantLock)",
                "AtomicInteger.incrementAndGet", "VarHandle.getAndAdd", "LongAdder.increment")) {
            matcher(run, Pattern.quote(counter) + "\\s+counted all 400,000: true\\s+[\\d.]+ million increments/s");
        }
    }

    @Test
    void checkThenActMakesDuplicatesWhereAppendIfAbsentDoesNotAndSnapshotsSurviveAppends() {
        Kit.Run run = succeeded("2g-thread-safe-list");
        Matcher twoCalls = matcher(run, "check, then append \\(two calls\\)\\s+size\\s+([\\d,]+), distinct\\s+10,000,"
                + " duplicates\\s+([\\d,]+)");
        assertTrue(number(twoCalls.group(2)) > 0, "check-then-act made no duplicates\n" + run.describe());
        matcher(run, "appendIfAbsent \\(one call\\)\\s+size\\s+10,000, distinct\\s+10,000, duplicates\\s+0\\n");
        matcher(run, "plain ArrayList, for-each:\\s+ConcurrentModificationException after");
        matcher(run, "ThreadSafeList, for-each over snapshot\\(\\):\\s+no exception after 1,000 complete passes");
    }

    @Test
    void arrayListAndHashMapBreakUnderThreadsWhileTheirThreadSafeCounterpartsDoNot() {
        Kit.Run run = succeeded("2h-unsafe-collections", "4", "500000");
        matcher(run, "(?m)^  ArrayList:\\s+size .*BROKEN$");
        matcher(run, "(?m)^  Collections.synchronizedList:\\s+size\\s+2,000,000\\s+lost\\s+0\\s+nulls\\s+0\\s+"
                + "exceptions\\s+0\\s+correct$");
        matcher(run, "(?m)^  HashMap:\\s+(size|a writer never finished)\\b.*BROKEN$"); // a put may loop for good
        matcher(run, "(?m)^  ConcurrentHashMap:\\s+size\\s+2,000,000\\s+missing keys\\s+0\\s+exceptions\\s+0\\s+"
                + "correct$");
    }

    @Test
    void namesAndAnnotationsAreReadBackByReflection() {
        Kit.Run run = succeeded("2i-thread-safety-names");
        matcher(run, "(?m)^ThreadSafeHitCounter\\s+thread-safe\\s+@ThreadSafe\\s+hits guarded by \"this\"$");
        matcher(run, "(?m)^HitCounter\\s+-\\s+@NotThreadSafe\\s+-$");
        matcher(run, "(?m)^Point\\s+-\\s+@Immutable\\s+-$");
        matcher(run, "(?m)^ThreadSafeCounter\\s+thread-safe\\s+-\\s+-$");
        matcher(run, "(?m)^ArrayList\\s+-\\s+-\\s+-$");
    }

    @Test
    void manyReadersShareDataSafelyInFourWaysAndEachWayIsMeasuredAt1To4Threads() {
        Kit.Run run = succeeded("2j-shared-reads", "4", "200000");
        List<String> ways = List.of("synchronized", "ReentrantReadWriteLock", "StampedLock optimistic read",
                "immutable record \\+ CAS");
        for (String way : ways) {
            matcher(run, "(?m)^" + way + "\\s+readers saw x == y in every read while a writer moved it: true$");
            for (int threads : new int[] {1, 2, 4}) {
                matcher(run, "(?m)^  " + way + "\\s+" + threads + " thread\\(s\\)\\s+[\\d.]+ million reads/s$");
            }
        }
    }

    /**
     * The race detector's verdicts do not vary from run to run: the threads take turns, so only the counters' own
     * locks can order their accesses. The plain runs beside them vary, and are only checked for their form.
     */
    @Test
    void raceDetectorFindsTheRaceNoRunShows() {
        Kit.Run run = succeeded("2k-race-detector");
        Matcher plain = matcher(run, "(?s)\nPlainCounter \\(.*?race detector:\\s+(\\d+) data races?\n");
        assertTrue(Integer.parseInt(plain.group(1)) >= 2, "the plain counter's write-read and write-write races\n"
                + run.describe());
        matcher(run, "(?s)\nReaderUnderAnotherLock \\(.*?plain threads here: 2 threads x 1,000,000 increments ->"
                + " 2,000,000: none lost, and a reader saw the final count\n  race detector:\\s+1 data race\n"
                + "    1\\. `increment\\(\\)` writes `count` \\(RaceDetectorDemo\\.java:\\d+, thread A\\)"
                + " holding `lock`; `value\\(\\)` reads it \\(RaceDetectorDemo\\.java:\\d+, thread B\\) holding"
                + " `ReaderUnderAnotherLock\\.this`; no lock in common, and `count` is not volatile");
        matcher(run, "(?s)\nVolatileCounter \\(.*?race detector:\\s+no data race\n");
    }

    @ParameterizedTest
    @CsvSource({ // every snippet that takes arguments, and one that takes none (they all check it the same way)
        "2a-lost-updates, 0 10", "2b-thread-safe-counter, x y", "2d-process-file-lock, 4 -1", "2f-java-atomics, 2",
        "2h-unsafe-collections, many 1", "2i-thread-safety-names, x",
        "2j-shared-reads, 4", "2k-race-detector, 1"
    })
    void badArgumentsGiveExitCode2AndOneLine(String alias, String arguments) {
        assertUsageError(alias, arguments);
    }



    private static long number(String withCommas) {
        return Long.parseLong(withCommas.replace(",", ""));
    }

    private static List<Path> leftovers(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}
