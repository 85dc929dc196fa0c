package kit.grader.race;

/**
 * A piece of code handed to another thread, or to code that runs it under its own synchronization: a task
 * submitted to an executor, a thread's body, a callback of a concurrent object. Everything the handing thread did
 * before is ordered before the code ({@code start}, released when the hand-off was made). A task's end is ordered
 * before whatever learns of it ({@code end}: its Future; {@code family}: the executor, whose close() or
 * awaitTermination() waits for all). A callback ({@code acquireFamily}) also runs ordered after the callbacks
 * that ended before it on the same object - a ConcurrentHashMap's compute() for one key runs one at a time.
 */
final class HandOff {
    final Watch watch;
    final SyncVar start = new SyncVar();
    final SyncVar end;
    final SyncVar family;
    final boolean acquireFamily;

    HandOff(Watch watch, SyncVar end, SyncVar family, boolean acquireFamily) {
        this.watch = watch;
        this.end = end;
        this.family = family;
        this.acquireFamily = acquireFamily;
    }

    /** Called where the code begins to run: its thread is known inside it. Null if another watch is on now. */
    ThreadState enter() {
        Watch now = Hooks.current;
        if (now != watch) {
            return null;
        }
        ThreadState t = watch.state();
        t.inTasks++;
        watch.detector.acquire(t, start);
        if (acquireFamily && family != null) {
            watch.detector.acquire(t, family);
        }
        return t;
    }

    void exit(ThreadState t) {
        if (t == null) {
            return;
        }
        if (end != null) {
            watch.detector.release(t, end);
        }
        if (family != null) {
            watch.detector.release(t, family);
        }
        t.inTasks--;
    }
}
