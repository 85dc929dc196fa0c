package kit.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Exercises graded at the same time print as if graded one after another: each section whole, in order. */
class SectionsInOrderTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream section, String text) throws IOException {
        section.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstSectionIsPrintedAsItIsWrittenAndLaterOnesAreHeldBack() throws IOException {
        SectionsInOrder sections = new SectionsInOrder(out, 3);
        write(sections.section(2), "third\n");
        write(sections.section(1), "second\n");
        assertEquals("", printed());
        write(sections.section(0), "first");
        assertEquals("first", printed(), "no wait for a line's end");
        sections.section(0).write('\n');
        assertEquals("first\n", printed());
        sections.complete(0);
        assertEquals("first\nsecond\n", printed(), "the next section's held text, and it is now the current one");
        write(sections.section(1), "second, later\n");
        assertEquals("first\nsecond\nsecond, later\n", printed());
    }

    @Test
    void aSectionCompletedEarlyWaitsForTheOnesBeforeIt() throws IOException {
        SectionsInOrder sections = new SectionsInOrder(out, 3);
        write(sections.section(2), "third\n");
        sections.complete(2);
        write(sections.section(1), "second\n");
        sections.complete(1);
        assertEquals("", printed());
        write(sections.section(0), "first\n");
        sections.complete(0);
        assertEquals("first\nsecond\nthird\n", printed());
    }

    @Test
    void consolesWritingFromManyThreadsGiveWholeSectionsInOrder() throws Exception {
        int count = 4;
        SectionsInOrder sections = new SectionsInOrder(out, count);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            int index = i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    PrintStream console = new PrintStream(sections.section(index), true, StandardCharsets.UTF_8);
                    for (int line = 0; line < 50; line++) {
                        console.println("exercise " + index + " line " + line);
                    }
                    sections.complete(index);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < count; i++) {
            for (int line = 0; line < 50; line++) {
                expected.append("exercise ").append(i).append(" line ").append(line).append('\n');
            }
        }
        assertEquals(expected.toString(), printed());
    }
}
