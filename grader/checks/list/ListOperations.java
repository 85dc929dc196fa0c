package kit.checks.list;

import java.util.function.Supplier;
import list.ThreadSafeList;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The learner's list as Lincheck sees it: one fresh list per run, and every call's outcome as a value, so that an
 * exception ("IndexOutOfBoundsException") is an outcome that can be compared like a returned element.
 */
public class ListOperations {
    private final ThreadSafeList<Integer> list = new ThreadSafeList<>();

    @Operation
    public Object append(int value) {
        return outcome(() -> {
            list.append(value);
            return "done";
        });
    }

    @Operation
    public Object appendIfAbsent(int value) {
        return outcome(() -> list.appendIfAbsent(value));
    }

    @Operation
    public Object pop(int index) {
        return outcome(() -> list.pop(index));
    }

    @Operation
    public Object get(int index) {
        return outcome(() -> list.get(index));
    }

    @Operation
    public Object snapshot() {
        return outcome(() -> String.valueOf(list.snapshot()));
    }

    private static Object outcome(Supplier<Object> call) {
        try {
            return call.get();
        } catch (IndexOutOfBoundsException outOfRange) {
            return "IndexOutOfBoundsException";
        } catch (RuntimeException other) {
            return other.getClass().getSimpleName();
        }
    }
}
