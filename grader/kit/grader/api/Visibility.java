package kit.grader.api;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import kit.grader.race.RaceDetector;

/**
 * The pattern of every visibility check: a reader thread spins while {@code unchanged} holds, until the JIT has
 * compiled its loop ({@link WarmUp}); then another thread makes one {@code write}. Compiled code may read a plain
 * field once, before the loop, and never again, so a reader that never sees the write shows a missing
 * happens-before edge (no lock in the read, no {@code volatile}).
 */
public final class Visibility {
    private Visibility() {}

    /**
     * True if the reader saw the write within {@link Deadlines#SEEN}; {@code what} names the write for Race.run.
     * {@code warmUpLimit}: the reader's CPU time after which the write is made even if C2 has not compiled the loop.
     */
    public static boolean readerSeesWrite(String what, Duration warmUpLimit, BooleanSupplier unchanged,
            Runnable write) throws InterruptedException {
        WarmUp warmUp = WarmUp.ofLoopIn(Visibility.class, "spinWhile");
        Thread reader = new Thread(() -> spinWhile(unchanged), "reader");
        reader.setDaemon(true);
        RaceDetector.forked(reader);
        reader.start();
        warmUp.untilCompiled(reader, warmUpLimit);
        Race.run(what, 1, Deadlines.ONE_CALL, thread -> write.run());
        reader.join(Deadlines.SEEN);
        RaceDetector.joined(reader); // only if it ended
        return !reader.isAlive();
    }

    /** The reader's loop, a method of its own so that {@link WarmUp} can find its compiled code. */
    private static void spinWhile(BooleanSupplier unchanged) {
        while (unchanged.getAsBoolean()) {
            // spin: C2 compiles this loop during the warm-up
        }
    }
}
