package kit.checks.list;

import list.ThreadSafeList;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The learner's list as Lincheck sees it: one fresh list per run, and every call's outcome as a value, so that an
 * exception ("IndexOutOfBoundsException") is an outcome that can be compared like a returned element. Each operation
 * calls the list directly (no lambdas), so that Lincheck's interleaving shows the learner's code one level deep.
 */
public class ListOperations {
    private final ThreadSafeList<Integer> list = new ThreadSafeList<>();

    @Operation
    public Object append(int value) {
        try {
            list.append(value);
            return "done";
        } catch (RuntimeException e) {
            return name(e);
        }
    }

    @Operation
    public Object appendIfAbsent(int value) {
        try {
            return list.appendIfAbsent(value);
        } catch (RuntimeException e) {
            return name(e);
        }
    }

    @Operation
    public Object pop(int index) {
        try {
            return list.pop(index);
        } catch (RuntimeException e) {
            return name(e);
        }
    }

    @Operation
    public Object get(int index) {
        try {
            return list.get(index);
        } catch (RuntimeException e) {
            return name(e);
        }
    }

    @Operation
    public Object size() {
        try {
            return list.size();
        } catch (RuntimeException e) {
            return name(e);
        }
    }

    @Operation
    public Object snapshot() {
        try {
            return String.valueOf(list.snapshot());
        } catch (RuntimeException e) {
            return name(e);
        }
    }

    private static String name(RuntimeException e) {
        return e instanceof IndexOutOfBoundsException ? "IndexOutOfBoundsException" : e.getClass().getSimpleName();
    }
}
