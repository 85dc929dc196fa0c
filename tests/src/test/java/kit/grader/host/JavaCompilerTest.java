package kit.grader.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kit.grader.layout.KitLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as Windows editors save them: a byte-order mark and CRLF compile; UTF-16 is told in one line. */
class JavaCompilerTest {
    private static final String COUNTER = "package counter;\n\npublic final class Counter {\n    private int count;\n\n"
            + "    public synchronized void increment() {\n        count++;\n    }\n}\n";

    @TempDir
    Path dir;

    private List<JavaCompiler.Error> compile(byte[] source) throws IOException {
        Path file = dir.resolve("Counter.java");
        Files.write(file, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        return JavaCompiler.compile(List.of(file), classes, System.getProperty("java.class.path"),
                new KitLayout(dir, List.of()));
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsCompile() throws IOException {
        byte[] text = COUNTER.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);
        assertEquals(List.of(), compile(withMark));
        assertTrue(Files.isRegularFile(dir.resolve("classes/counter/Counter.class")));
    }

    @Test
    void utf16IsToldInOneLine() throws IOException {
        List<JavaCompiler.Error> errors = compile(COUNTER.getBytes(StandardCharsets.UTF_16)); // with its mark, FE FF
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).text().matches(".*Counter.java:1: error: the file is saved as UTF-16 \\(Notepad calls"
                + " it \"Unicode\"\\); javac reads UTF-8\\. Save it as UTF-8 .*"), errors.get(0).text());
        assertEquals(1, errors.get(0).text().lines().count());
    }
}
