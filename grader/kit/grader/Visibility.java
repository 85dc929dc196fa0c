package kit.grader;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The pattern of every visibility check: a reader thread spins while {@code unchanged} holds, until the JIT has
 * compiled its loop ({@link WarmUp}); then another thread makes one {@code write}. Compiled code may read a plain
 * field once, before the loop, and never again, so a reader that never sees the write shows a missing
 * happens-before edge (no lock in the read, no {@code volatile}).
 */
public final class Visibility {
    private Visibility() {}

    /** True if the reader saw the write within {@link Deadlines#SEEN}; {@code what} names the write for Race.run. */
    public static boolean readerSeesWrite(String what, Duration warmUp, BooleanSupplier unchanged, Runnable write)
            throws InterruptedException {
        Thread reader = new Thread(() -> {
            while (unchanged.getAsBoolean()) {
                // spin: the JIT compiles this loop during the warm-up
            }
        }, "reader");
        reader.setDaemon(true);
        reader.start();
        WarmUp.untilCpuTime(reader, warmUp);
        Race.run(what, 1, Deadlines.ONE_CALL, thread -> write.run());
        reader.join(Deadlines.SEEN);
        return !reader.isAlive();
    }
}
