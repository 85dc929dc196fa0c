package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lincheck's report shortened for a terminal: the detailed trace goes, the interleaving keeps the test's calls, the
 * learner's methods, what they touch directly and every switch, and the tables are redrawn as narrow as their text.
 * The samples are Lincheck 3 reports as its model checker prints them (wide, centred headers, two spaces per call
 * level), for the counter whose {@code count++} is not guarded.
 */
class LincheckTextTest {
    private static final String COUNTER_REPORT = """
            = Invalid execution results =
            | ------------------------------------------ |
            |       Thread 1       |      Thread 2       |
            | ------------------------------------------ |
            | increment(): void    | increment(): void   |
            | ------------------------------------------ |
            | value(): 1           |                     |
            | ------------------------------------------ |

            ---
            All operations above the horizontal line | ----- | happen before those below the line
            ---

            The following interleaving leads to the error:
            | ------------------------------------------------------------------------------------------------- |
            |                           Thread 1                         |                Thread 2              |
            | ------------------------------------------------------------------------------------------------- |
            |                                                            | increment()                          |
            |                                                            |   counter.increment()                |
            |                                                            |     count ➜ 0                        |
            |                                                            |       Integer.valueOf(0): 0          |
            |                                                            |         IntegerCache.cache ➜ Array#1 |
            |                                                            |           switch                     |
            | increment()                                                |                                      |
            |   counter.increment()                                      |                                      |
            |     count ➜ 0                                              |                                      |
            |     count = 1                                              |                                      |
            |   result: void                                             |                                      |
            |                                                            |     count = 1                        |
            |                                                            |   result: void                       |
            | ------------------------------------------------------------------------------------------------- |
            | value(): 1                                                 |                                      |
            | ------------------------------------------------------------------------------------------------- |

            Detailed trace:
            | ---------------------------------------------------------------------------------------------- |
            |                 Thread 1                 |                     Thread 2                    |
            | ---------------------------------------------------------------------------------------------- |
            |                                          | increment()                                     |
            |                                          |   counter.increment() at CounterModelTest.java:31 |
            |                                          |     count ➜ 0 at ThreadSafeCounter.java:12      |
            | ---------------------------------------------------------------------------------------------- |
            """;

    @Test
    void theCounterReportAsTheLearnerReadsIt() {
        assertEquals("""
                = Invalid execution results =
                | ------------------------------------- |
                | Thread 1          | Thread 2          |
                | ------------------------------------- |
                | increment(): void | increment(): void |
                | ------------------------------------- |
                | value(): 1        |                   |
                | ------------------------------------- |

                ---
                All operations above the horizontal line | ----- | happen before those below the line
                ---

                The following interleaving leads to the error:
                | --------------------------------------------------- |
                | Thread 1              | Thread 2                    |
                | --------------------------------------------------- |
                |                       | increment()                 |
                |                       |   counter.increment()       |
                |                       |     count ➜ 0               |
                |                       |       Integer.valueOf(0): 0 |
                |                       |       switch                |
                | increment()           |                             |
                |   counter.increment() |                             |
                |     count ➜ 0         |                             |
                |     count = 1         |                             |
                |   result: void        |                             |
                |                       |     count = 1               |
                |                       |   result: void              |
                | --------------------------------------------------- |
                | value(): 1            |                             |
                | --------------------------------------------------- |""", LincheckText.shorten(COUNTER_REPORT));
    }

    @Test
    void theDetailedTraceGoesAndTheTextAfterItStays() {
        String shortened = LincheckText.shorten(COUNTER_REPORT + "\nThe check's own words after the report.\n");
        assertFalse(shortened.contains("Detailed trace"), shortened);
        assertFalse(shortened.contains("CounterModelTest.java:31"), shortened);
        assertFalse(shortened.contains("ThreadSafeCounter.java:12"), shortened);
        assertTrue(shortened.endsWith("| --------------------------------------------------- |\n\n"
                + "The check's own words after the report."), shortened);
    }

    @Test
    void everyRedrawnTableLineHasTheWidthOfItsTable() {
        String shortened = LincheckText.shorten(COUNTER_REPORT);
        String interleaving = shortened.substring(shortened.indexOf("The following interleaving"));
        List<String> tableLines = interleaving.lines().filter(l -> l.startsWith("|")).toList();
        int width = tableLines.get(0).length();
        assertTrue(width < 103, "narrower than Lincheck's 103 columns: " + width);
        for (String line : tableLines) {
            assertEquals(width, line.length(), line);
            assertTrue(line.endsWith(" |"), line);
        }
    }

    @Test
    void loopIterationsAndCallsDeeperThanThreeLevelsGoAndSwitchesMoveUpToThreeLevels() {
        String shortened = LincheckText.shorten("""
                | ------------------------------------------------------------------------------ |
                |                 Main Thread                    |          Thread 1            |
                | ------------------------------------------------------------------------------ |
                | Threads.joinAll(Array<Thread>#1)               |                              |
                |   loop(2 iterations) at Threads.joinAll(Threads.java:17) |                    |
                |     <iteration 1>                              |                              |
                |       Thread#1.join()                          |                              |
                |         Thread.join(0)                         |                              |
                |             switch (reason: waiting for Thread 1 to finish) |                 |
                |                                                | run()                        |
                |                                                |   queue.take(): 1            |
                |     <iteration 2>                              |                              |
                | ------------------------------------------------------------------------------ |
                """);
        assertEquals("""
                | ---------------------------------------------------------------------------- |
                | Main Thread                                              | Thread 1          |
                | ---------------------------------------------------------------------------- |
                | Threads.joinAll(Array<Thread>#1)                         |                   |
                |   loop(2 iterations) at Threads.joinAll(Threads.java:17) |                   |
                |       Thread#1.join()                                    |                   |
                |       switch (reason: waiting for Thread 1 to finish)    |                   |
                |                                                          | run()             |
                |                                                          |   queue.take(): 1 |
                | ---------------------------------------------------------------------------- |""", shortened);
    }

    @Test
    void textWithoutTablesIsOnlyStripped() {
        assertEquals("= The execution has hung =\nAll threads are waiting.",
                LincheckText.shorten("\n= The execution has hung =\nAll threads are waiting.\n\n"));
    }
}
