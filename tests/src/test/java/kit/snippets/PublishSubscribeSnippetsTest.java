package kit.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static kit.snippets.SnippetRuns.succeeded;
import static kit.snippets.SnippetRuns.matcher;
import static kit.snippets.SnippetRuns.assertUsageError;

import java.util.List;
import java.util.regex.Matcher;
import kit.Kit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs every Publish/subscribe snippet (aliases 3a-3d) and checks what it must show. */
class PublishSubscribeSnippetsTest {

    @Test
    void conditionQueueDeliversEveryItemInOrderAndEachExactlyOnce() {
        Kit.Run run = succeeded("3a-condition-queue");
        assertTrue(run.stdout().contains("one producer, one consumer: delivered 1000 items in order: true\n"),
                run::describe);
        assertTrue(run.stdout().contains("one producer, three consumers: 1000 items, each taken exactly once: true"),
                run::describe);
    }

    /**
     * Timing is noisy on a busy machine, so this asserts only what no amount of load can reverse: every way of
     * waiting was measured, and a consumer that sleeps 50 ms between looks leaves items waiting milliseconds.
     */
    @Test
    void sleepPollingIsMeasuredAgainstTheConditionAndA50MsSleepMakesItemsWait() {
        Kit.Run run = succeeded("3b-sleep-polling", "30");
        for (String waiting : List.of("condition \\(ThreadSafeQueue\\)", "sleep-polling, sleep 0.1 ms",
                "sleep-polling, sleep 1.0 ms", "sleep-polling, sleep 10.0 ms", "sleep-polling, sleep 50.0 ms")) {
            matcher(run, "(?m)^" + waiting + "\\s+[\\d.]+ ms\\s+[\\d.]+ ms\\s+[\\d.]+ ms$");
        }
        Matcher fifty = matcher(run, "(?m)^sleep-polling, sleep 50.0 ms\\s+([\\d.]+) ms\\s+([\\d.]+) ms");
        assertTrue(Double.parseDouble(fifty.group(1)) >= 5, "median latency with a 50 ms sleep\n" + run.describe());
    }

    @Test
    void boundedBufferNeverExceedsItsCapacityAndDeliversInOrder() {
        Kit.Run run = succeeded("3c-bounded-buffer");
        Matcher size = matcher(run, "capacity 10, largest size seen (\\d+), never above capacity: true\\n");
        assertTrue(Integer.parseInt(size.group(1)) <= 10, run::describe);
        assertTrue(run.stdout().contains("consumer took 300 items, all in order: true\n"), run::describe);
        matcher(run, "producer finished after [\\d,]+ ms, consumer after [\\d,]+ ms");
    }

    @Test
    void blockingQueuesWaitOrGiveUpAndThePoisonPillStopsEveryConsumer() {
        Kit.Run run = succeeded("3d-blocking-queue");
        String out = run.stdout();
        assertTrue(out.contains("offer(c)             -> false at once (full)"), run::describe);
        matcher(run, "offer\\(c, 100 ms\\)     -> false after \\d+ ms");
        assertTrue(out.contains("take()               -> a, take() -> b"), run::describe);
        assertTrue(out.contains("poll()               -> null at once (empty)"), run::describe);
        Matcher timedPoll = matcher(run, "poll\\(100 ms\\)         -> null after (\\d+) ms");
        assertTrue(Integer.parseInt(timedPoll.group(1)) >= 100, "poll(100 ms) gave up early\n" + run.describe());
        assertTrue(out.contains("3,000 items, each taken exactly once: true"), run::describe);
        assertTrue(out.contains("all consumers returned: true"), run::describe);
    }

    @ParameterizedTest
    @CsvSource({ // the snippet that takes an argument, and one that takes none (they all check it the same way)
        "3b-sleep-polling, 0", "3b-sleep-polling, 1 2", "3a-condition-queue, 1"
    })
    void badArgumentsGiveExitCode2AndOneLine(String alias, String arguments) {
        assertUsageError(alias, arguments);
    }


}
