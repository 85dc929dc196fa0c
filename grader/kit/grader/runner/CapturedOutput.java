package kit.grader.runner;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * What the learner's code prints while a check runs (System.out and System.err), kept within bounds whatever it
 * prints: the last {@link #LINES_KEPT} lines, each cut at {@link #LINE_CHARS} characters, and how much there was in
 * all. The capture's cost is the grader's, and small: a line of 100,000 characters printed on every call costs a
 * count of its characters and newlines, never a copy, so it neither fills the heap nor takes the check's CPU time.
 */
final class CapturedOutput extends PrintStream {
    static final int LINES_KEPT = 10;
    static final int LINE_CHARS = 200;
    /** Strings longer than this are counted here, without encoding them; shorter ones take PrintStream's way. */
    private static final int LONG = 256;

    private final Lines lines;

    CapturedOutput() {
        this(new Lines());
    }

    private CapturedOutput(Lines lines) {
        super(lines, true, StandardCharsets.UTF_8);
        this.lines = lines;
    }

    @Override
    public void print(String s) {
        if (s != null && s.length() > LONG) {
            synchronized (this) {
                flush(); // what PrintStream holds back goes first, in order
                lines.text(s);
            }
        } else {
            super.print(s);
        }
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char[] s) {
        if (s.length > LONG) {
            print(new String(s));
        } else {
            super.print(s);
        }
    }

    /** Starts over, for the next check. */
    synchronized void reset() {
        flush();
        lines.reset();
    }

    /** How much the code printed so far (characters, roughly: bytes for what PrintStream encoded). */
    synchronized long characters() {
        flush();
        return lines.characters;
    }

    /** What the learner reads after a failed check's message, or "" if the code printed nothing. */
    synchronized String report() {
        flush();
        return lines.report();
    }

    /** The bounded keeper: lines as they end, the current line up to its bound, and counts. */
    private static final class Lines extends OutputStream {
        private final Deque<String> last = new ArrayDeque<>();
        private final StringBuilder line = new StringBuilder();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private long lineLength;
        private long characters;
        private long lineCount;
        private long cutLines;

        @Override
        public void write(int b) {
            characters++;
            if (b == '\n') {
                endLine();
            } else {
                lineLength++;
                if (bytes.size() < LINE_CHARS * 4) {
                    bytes.write(b);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        void text(String s) {
            characters += s.length();
            int from = 0;
            while (from < s.length()) {
                int newline = s.indexOf('\n', from);
                int end = newline < 0 ? s.length() : newline;
                takeChars(s, from, end);
                if (newline < 0) {
                    break;
                }
                endLine();
                from = newline + 1;
            }
        }

        private void takeChars(String s, int from, int end) {
            decodeBytes();
            int room = (int) Math.max(0, LINE_CHARS + 1 - line.length());
            line.append(s, from, Math.min(end, from + room));
            lineLength += end - from;
        }

        private void decodeBytes() {
            if (bytes.size() > 0) {
                line.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
        }

        private void endLine() {
            decodeBytes();
            String text = line.toString().stripTrailing();
            if (lineLength > LINE_CHARS) {
                cutLines++;
                text = text.substring(0, Math.min(text.length(), LINE_CHARS)) + String.format(Locale.ROOT,
                        "... (%,d more characters)", lineLength - Math.min(text.length(), LINE_CHARS));
            }
            last.addLast(text);
            if (last.size() > LINES_KEPT) {
                last.removeFirst();
            }
            lineCount++;
            line.setLength(0);
            lineLength = 0;
        }

        void reset() {
            last.clear();
            line.setLength(0);
            bytes.reset();
            lineLength = 0;
            characters = 0;
            lineCount = 0;
            cutLines = 0;
        }

        String report() {
            if (lineLength > 0 || line.length() > 0 || bytes.size() > 0) {
                endLine(); // the last line, even without its newline
            }
            while (!last.isEmpty() && last.peekFirst().isBlank()) {
                last.removeFirst();
                lineCount--;
            }
            if (last.isEmpty()) {
                return "";
            }
            String head = lineCount > last.size() ? String.format(Locale.ROOT, "Your code printed %,d characters in %,d"
                    + " lines; the last %d%s:", characters, lineCount, last.size(), cutLines > 0 ? ", each cut at "
                    + LINE_CHARS + " characters" : "") : "Your code printed" + (cutLines > 0 ? " (each line cut at "
                    + LINE_CHARS + " characters)" : "") + ":";
            return "\n\n" + head + "\n" + String.join("\n", last);
        }
    }
}
