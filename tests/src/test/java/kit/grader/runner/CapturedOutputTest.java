package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the learner's printing costs the grader and how it is shown: bounded per line and in all, whatever it is. */
class CapturedOutputTest {
    @Test
    void nothingPrintedIsNothingShown() {
        assertEquals("", new CapturedOutput().report());
    }

    @Test
    void aFewShortLinesAreShownAsPrinted() {
        CapturedOutput out = new CapturedOutput();
        out.println("first");
        out.printf("%d and %s%n", 2, "more");
        out.print("no newline at the end");
        assertEquals("\n\nYour code printed:\nfirst\n2 and more\nno newline at the end", out.report());
    }

    @Test
    void tensOfThousandsOfLongLinesCostLittleAndShowTheLastTenCut() {
        CapturedOutput out = new CapturedOutput();
        String line = "#".repeat(100_000);
        long start = System.nanoTime();
        for (int i = 1; i <= 20_000; i++) {
            out.println("count is now " + i + " " + line); // 2 GB of text
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String report = out.report();
        assertTrue(report.startsWith("\n\nYour code printed 2,000,")
                && report.contains(" characters in 20,000 lines; the last 10, each cut at 200 characters:\n"
                + "count is now 19991 ###"), report.substring(0, 300));
        assertTrue(report.endsWith("... (99,819 more characters)"), report.substring(report.length() - 100));
        assertTrue(report.length() < 3_000, report.length() + " characters");
        assertTrue(millis < 10_000, "counting 2 GB of printed text took " + millis + " ms");
    }

    @Test
    void theNextCheckStartsWithNothing() {
        CapturedOutput out = new CapturedOutput();
        out.println("x".repeat(1000));
        out.reset();
        out.println("y");
        assertEquals("\n\nYour code printed:\ny", out.report());
        assertEquals(2, out.characters());
    }
}
