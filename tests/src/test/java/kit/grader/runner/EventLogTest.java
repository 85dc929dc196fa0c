package kit.grader.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kit.grader.runner.EventLog.Event;
import kit.grader.runner.EventLog.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events file between a check JVM and the grader: what the runner signs reads back as it was written, and
 * every line the learner's code could add, change, drop, repeat or reorder is refused as {@link EventLog.Forged}.
 */
class EventLogTest {
    @TempDir
    Path dir;

    private final byte[] key = key(1);

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

    /** A file with three events, as a check JVM's runner writes them. */
    private Path written() {
        Path file = dir.resolve("events");
        EventLog log = new EventLog(file, key);
        log.write(Type.START, "kit.checks.counter.CounterTest#one", "");
        log.write(Type.FAIL, "kit.checks.counter.CounterTest#one", "value 13,412, expected 20,000\n\tat line 2 ➜ |");
        log.write(Type.PASS, "kit.checks.counter.CounterTest#two", "");
        return file;
    }

    private List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void rewrite(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private void assertForgedAt(int line, Path file, byte[] key) {
        EventLog.Forged forged = assertThrows(EventLog.Forged.class, () -> EventLog.read(file, key));
        assertEquals("line " + line + " of the events file was not written by the grader's runner",
                forged.getMessage());
    }

    @Test
    void signedLinesReadBackAsTheyWereWritten() {
        assertEquals(List.of(
                new Event(Type.START, "kit.checks.counter.CounterTest#one", ""),
                new Event(Type.FAIL, "kit.checks.counter.CounterTest#one",
                        "value 13,412, expected 20,000\n\tat line 2 ➜ |"),
                new Event(Type.PASS, "kit.checks.counter.CounterTest#two", "")), EventLog.read(written(), key));
    }

    @Test
    void aCorrectlySignedLineOutOfItsPlaceIsForged() throws IOException {
        Path file = written();
        new EventLog(file, key).write(Type.PASS, "kit.checks.counter.CounterTest#three", ""); // a new writer: line 0
        assertForgedAt(4, file, key);
    }

    @Test
    void noFileMeansNoEvents() {
        assertEquals(List.of(), EventLog.read(dir.resolve("none"), key));
    }

    @Test
    void aLineStillBeingWrittenIsLeftForTheNextRead() throws IOException {
        Path file = written();
        Files.writeString(file, "3\tPASS\tkit.checks.counter.CounterTest#thr", StandardOpenOption.APPEND);
        assertEquals(3, EventLog.read(file, key).size());
    }

    @Test
    void anotherKeyVerifiesNothing() {
        assertForgedAt(1, written(), key(2));
    }

    @Test
    void aLineSignedWithTheLearnersOwnKeyIsForged() throws IOException {
        Path file = written();
        Path own = dir.resolve("own");
        EventLog learner = new EventLog(own, key(3));
        for (int i = 0; i < 4; i++) { // so that its 4th line has the next number, 3
            learner.write(Type.PASS, "kit.checks.counter.CounterTest#one", "");
        }
        List<String> lines = lines(file);
        lines.add(lines(own).get(3));
        rewrite(file, lines);
        assertForgedAt(4, file, key);
    }

    @Test
    void aFailTurnedIntoAPassIsForged() throws IOException {
        Path file = written();
        List<String> lines = lines(file);
        assertTrue(lines.get(1).contains("\tFAIL\t"), lines.get(1));
        lines.set(1, lines.get(1).replace("\tFAIL\t", "\tPASS\t"));
        rewrite(file, lines);
        assertForgedAt(2, file, key);
    }

    @Test
    void aChangedMessageIsForged() throws IOException {
        Path file = written();
        List<String> lines = lines(file);
        String[] parts = lines.get(1).split("\t");
        parts[3] = Base64.getEncoder().encodeToString("all good".getBytes(StandardCharsets.UTF_8));
        lines.set(1, String.join("\t", parts));
        rewrite(file, lines);
        assertForgedAt(2, file, key);
    }

    @Test
    void aDroppedLineIsForged() throws IOException {
        Path file = written();
        List<String> lines = lines(file);
        lines.remove(1); // the FAIL: the next line's number no longer fits its place
        rewrite(file, lines);
        assertForgedAt(2, file, key);
    }

    @Test
    void aRepeatedLineIsForged() throws IOException {
        Path file = written();
        List<String> lines = lines(file);
        lines.add(lines.get(2));
        rewrite(file, lines);
        assertForgedAt(4, file, key);
    }

    @Test
    void swappedLinesAreForged() throws IOException {
        Path file = written();
        List<String> lines = lines(file);
        lines.add(0, lines.remove(1));
        rewrite(file, lines);
        assertForgedAt(1, file, key);
    }

    @Test
    void linesOfAnotherShapeAreForged() throws IOException {
        for (String junk : List.of("hello from the learner's println", "3\tPASS\tkey\tnot base64!\tsignature",
                "3\tWIN\tkey\t\tsignature", "\n3\tPASS\tkey\t\tsignature")) {
            Path file = written();
            Files.writeString(file, junk + "\n", StandardOpenOption.APPEND);
            assertForgedAt(4, file, key);
            Files.delete(file);
        }
    }

    @Test
    void theKeyHandedToAProcessIsTheKeyItReceives() {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        byte[] handed = EventLog.handOverKey(new StdinOnly(stdin));
        assertEquals(32, handed.length);
        assertTrue(stdin.toString(StandardCharsets.US_ASCII).endsWith("\n"), "one line");
        byte[] received = EventLog.receiveKey(new ByteArrayInputStream(stdin.toByteArray()));
        assertArrayEquals(handed, received);
        assertTrue(!java.util.Arrays.equals(handed, EventLog.handOverKey(new StdinOnly(new ByteArrayOutputStream()))),
                "a new key for every JVM");
    }

    @Test
    void aRunnerStartedWithoutAKeyRefusesToRun() {
        assertThrows(IllegalStateException.class, () -> EventLog.receiveKey(new ByteArrayInputStream(new byte[0])));
        assertThrows(IllegalStateException.class,
                () -> EventLog.receiveKey(new ByteArrayInputStream("  \n".getBytes(StandardCharsets.US_ASCII))));
    }

    /** A process that is only its standard input, so no child process is started. */
    private static final class StdinOnly extends Process {
        private final OutputStream stdin;

        StdinOnly(OutputStream stdin) {
            this.stdin = stdin;
        }

        @Override
        public OutputStream getOutputStream() {
            return stdin;
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public int waitFor() {
            return 0;
        }

        @Override
        public int exitValue() {
            return 0;
        }

        @Override
        public void destroy() {}
    }
}
