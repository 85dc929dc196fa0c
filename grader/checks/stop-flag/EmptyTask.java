package kit.checks.stopflag;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import kit.grader.api.Deadlines;

/**
 * The task of the visibility check: it does nothing, and the JIT can inline it into the worker's loop, so that a
 * plain flag read there is free to be hoisted out of the loop - the bug the check exists to catch.
 *
 * <p>The task calls through a {@link MutableCallSite}, whose current target (a method that does nothing) the JIT
 * inlines on the condition that the target stays the same. {@link #abandon} changes the target to one that throws:
 * the JVM discards the compiled loop, the worker continues in the interpreter, which calls the new target, and the
 * exception ends run() even if it never sees stop(). So a failed check leaves no spinning thread behind to slow down
 * the checks after it.
 */
final class EmptyTask {
    private static final MethodType NO_ARGS = MethodType.methodType(void.class);
    private static final MutableCallSite SITE = new MutableCallSite(find("nothing"));
    private static final MethodHandle CALL = SITE.dynamicInvoker();

    private EmptyTask() {}

    static void runOnce() {
        try {
            CALL.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new AssertionError(impossible);
        }
    }

    @SuppressWarnings("unused")
    private static void nothing() {}

    @SuppressWarnings("unused")
    private static void giveUp() {
        throw new WorkerThread.CheckAbandoned();
    }

    /** Ends a worker stuck in a compiled loop over this task, unless its code swallows the task's exception. */
    static void abandon(WorkerThread worker) throws InterruptedException {
        SITE.setTarget(find("giveUp"));
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
        worker.endsWithin(Deadlines.STOP);
    }

    private static MethodHandle find(String name) {
        try {
            return MethodHandles.lookup().findStatic(EmptyTask.class, name, NO_ARGS);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
