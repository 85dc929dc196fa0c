package kit.checks.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kit.grader.api.Points;
import kit.grader.api.TimeLimit;
import kit.grader.api.Visibility;
import list.ThreadSafeList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the list must do before threads come in: behave like an ordinary list on one thread. Plus the one thing model
 * checking cannot see (it assumes every write is visible at once): whether a compiled reader sees another thread's
 * write - which is why this class runs with C2, and the Lincheck checks run in a JVM of their own.
 */
@TimeLimit(cpuSeconds = TimeLimit.FEW_CALLS_CPU_SECONDS) // an endless loop is told in seconds
class ListOnOneThreadTest {

    @Test
    @DisplayName("append adds at the end; get and size see what was appended")
    @Points(1)
    void appendGetSize() {
        var list = new ThreadSafeList<String>();
        assertEquals(0, list.size(), "size() of a new list");
        list.append("a");
        list.append("b");
        list.append("c");
        assertEquals(3, list.size(), "size() after append(\"a\"), append(\"b\"), append(\"c\")");
        assertEquals("a", list.get(0), "get(0) after appending a, b, c");
        assertEquals("c", list.get(2), "get(2) after appending a, b, c");
        assertEquals(3, list.size(), "size() must not change when you only get() - get does not remove");
    }

    @Test
    @DisplayName("pop(index) removes and returns that element, and the ones after it move up")
    @Points(1)
    void popRemovesAndShifts() {
        var list = listOf("a", "b", "c", "d");
        assertEquals("b", list.pop(1), "pop(1) on [a, b, c, d]");
        assertEquals(List.of("a", "c", "d"), list.snapshot(), "the list after pop(1) on [a, b, c, d]");
        assertEquals("a", list.pop(0), "pop(0) on [a, c, d]");
        assertEquals("d", list.pop(1), "pop(1) on [c, d]");
        assertEquals(1, list.size(), "size() after three pops from four elements");
    }

    @Test
    @DisplayName("get and pop outside 0..size-1 throw IndexOutOfBoundsException and change nothing")
    @Points(1)
    void outOfRange() {
        var empty = new ThreadSafeList<String>();
        assertThrows(IndexOutOfBoundsException.class, () -> empty.get(0), "get(0) on an empty list");
        assertThrows(IndexOutOfBoundsException.class, () -> empty.pop(0), "pop(0) on an empty list");
        var list = listOf("a", "b");
        for (int index : new int[] {-1, 2, 5}) {
            assertThrows(IndexOutOfBoundsException.class, () -> list.get(index), "get(" + index + ") on [a, b]");
            assertThrows(IndexOutOfBoundsException.class, () -> list.pop(index), "pop(" + index + ") on [a, b]");
        }
        assertEquals(List.of("a", "b"), list.snapshot(), "[a, b] after get and pop out of range: nothing may change");
    }

    @Test
    @DisplayName("null is an ordinary element: append, get and pop accept it, appendIfAbsent(null) adds it only once")
    @Points(1)
    void nullIsAnElement() {
        var list = new ThreadSafeList<String>();
        list.append(null);
        list.append("a");
        assertEquals(2, list.size(), "size() after append(null), append(\"a\")");
        assertEquals(null, list.get(0), "get(0) after append(null)");
        assertEquals(Arrays.asList(null, "a"), list.snapshot(), "snapshot() of [null, a]");
        assertEquals(null, list.pop(0), "pop(0) on [null, a]");
        assertEquals(true, list.appendIfAbsent(null), "appendIfAbsent(null) on [a]: no null there yet, so it appends");
        assertEquals(false, list.appendIfAbsent(null), "appendIfAbsent(null) on [a, null]: a null is already there");
        assertEquals(Arrays.asList("a", null), list.snapshot(), "the list after appendIfAbsent(null) twice on [a]");
    }

    @Test
    @DisplayName("appendIfAbsent appends only when no equal element is present, and returns whether it appended")
    @Points(1)
    void appendIfAbsentUsesEquals() {
        var list = listOf("a");
        assertEquals(true, list.appendIfAbsent("b"), "appendIfAbsent(\"b\") on [a]");
        String equalButNotSame = new String("a");
        assertEquals(false, list.appendIfAbsent(equalButNotSame),
                "appendIfAbsent(new String(\"a\")) on [a, b]: an EQUAL element is present (equals, not ==)");
        assertEquals(List.of("a", "b"), list.snapshot(), "the list after appendIfAbsent(\"b\"), appendIfAbsent(\"a\")");
    }

    @Test
    @DisplayName("snapshot is an independent copy: later changes to the list do not show in it, and the other way "
            + "round")
    @Points(1)
    void snapshotIsIndependent() {
        var list = listOf("a", "b");
        List<String> snapshot = list.snapshot();
        list.append("c");
        list.pop(0);
        assertEquals(List.of("a", "b"), new ArrayList<>(snapshot),
                "a snapshot taken of [a, b], after the list changed to [b, c]: a snapshot is a copy, not a view of"
                        + " the live list (another thread could change that list while the caller reads it)");
        try {
            snapshot.add("x");
        } catch (UnsupportedOperationException unmodifiable) {
            return; // a read-only copy is fine
        }
        assertEquals(List.of("b", "c"), list.snapshot(), "the list after the caller added \"x\" to its snapshot");
    }

    @Test
    @DisplayName("size() sees an append made by another thread, also once the JIT has compiled the reader")
    @Points(1)
    @TimeLimit(cpuSeconds = TimeLimit.NO_CPU_LIMIT) // it spins by design (a reader warmed up by the JIT)
    void sizeSeesOtherThreadsAppend() throws InterruptedException {
        var list = new ThreadSafeList<String>();
        if (!Visibility.readerSeesWrite("append(\"a\") while another thread calls size() in a loop",
                Duration.ofMillis(1000), () -> list.size() == 0, () -> list.append("a"))) {
            fail("A thread calling size() in a loop never saw the list grow from 0 to 1 element (still 0 after 3 s),"
                    + " although another thread had appended. size() reads without the lock, so the JIT may read the"
                    + " size once and reuse that number forever. Read it under the same lock that append holds:"
                    + " releasing and then taking a lock makes the earlier write visible.");
        }
    }

    private static ThreadSafeList<String> listOf(String... values) {
        var list = new ThreadSafeList<String>();
        for (String value : values) {
            list.append(value);
        }
        return list;
    }
}
