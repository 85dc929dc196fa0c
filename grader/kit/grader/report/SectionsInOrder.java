package kit.grader.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of exercises graded at the same time, printed as if they were graded one after another: the first
 * unfinished exercise's section as it is written, each later section held back until every section before it is
 * complete.
 */
public final class SectionsInOrder {
    private final OutputStream out;
    private final List<ByteArrayOutputStream> held = new ArrayList<>();
    private final boolean[] complete;
    private int current; // guarded by this: the section written straight to out

    public SectionsInOrder(OutputStream out, int sections) {
        this.out = out;
        this.complete = new boolean[sections];
        for (int i = 0; i < sections; i++) {
            held.add(new ByteArrayOutputStream());
        }
    }

    /** Where section {@code index} is written. */
    public OutputStream section(int index) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                SectionsInOrder.this.write(index, bytes, offset, length);
            }
        };
    }

    private synchronized void write(int index, byte[] bytes, int offset, int length) throws IOException {
        if (index == current) {
            out.write(bytes, offset, length);
            out.flush();
        } else {
            held.get(index).write(bytes, offset, length);
        }
    }

    /** Section {@code index} is complete: prints the held-back sections after it, up to the next unfinished one. */
    public synchronized void complete(int index) throws IOException {
        complete[index] = true;
        while (current < complete.length && complete[current]) {
            current++;
            if (current < complete.length) {
                held.get(current).writeTo(out);
                held.get(current).reset();
            }
        }
        out.flush();
    }
}
