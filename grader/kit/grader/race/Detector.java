package kit.grader.race;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The happens-before race detector's core, FastTrack-style (Flanagan and Freund, PLDI 2009): a vector clock per
 * thread and per synchronization object, and per variable the last write as an epoch and the reads since it as an
 * epoch, or as a vector clock once two threads read it without order between them. Two conflicting accesses (same
 * variable, different threads, at least one a write) that no chain of release and acquire, fork and join orders are
 * a data race (JLS 17.4.5); each pair of code sites is reported once, with both accesses.
 *
 * <p>The detector never guesses. Accesses of a thread whose start it did not see are not recorded. Once such a thread
 * acquires something (it may then carry what it learned to another thread by a way the detector cannot see, such as
 * a join inside the JDK), or the runtime meets an API it cannot model, the detector is {@link #unmodelled} and records
 * no race after that point: the races found before it stand.
 *
 * <p>Pure bookkeeping on explicit {@link ThreadState}s, {@link VarState}s and {@link SyncVar}s, so that it can be
 * tested on hand-built event sequences; {@link RaceRuntime} maps a running program's events onto it. Thread-safe: a
 * thread's state is touched by its own thread, a variable's and a sync object's under their own monitors.
 */
final class Detector {
    /** Distinct pairs of sites kept; a report with more would not be read. */
    static final int MAX_RACES = 20;

    private final List<ThreadState> finished = new ArrayList<>();
    private int nextTid = 1; // tid 0 with clock 0 would be Epoch.NONE
    private final List<DataRace> races = new ArrayList<>();
    private final Set<Long> pairs = new HashSet<>();
    private volatile String unmodelled;
    private int racesUnmodelled;

    /** The thread that begins watching: everything it did before is ordered before everything watched. */
    ThreadState root(String name) {
        return newThread(name, true);
    }

    /** A thread whose start the detector did not see: its accesses are not recorded. */
    ThreadState unknown(String name) {
        return newThread(name, false);
    }

    private synchronized ThreadState newThread(String name, boolean known) {
        int tid = nextTid++;
        VectorClock clock = new VectorClock();
        clock.set(tid, 1);
        return new ThreadState(this, tid, name, clock, known);
    }

    /**
     * {@code parent} starts a thread: the child knows everything the parent did so far. It takes the id of a thread
     * that has ended if the parent knows every event of that thread (then the child may know them too); otherwise a
     * new id, so that clocks grow only with the threads alive or not yet joined at once.
     */
    ThreadState fork(ThreadState parent, String childName) {
        int tid = -1;
        synchronized (this) {
            for (Iterator<ThreadState> it = finished.iterator(); it.hasNext();) {
                ThreadState old = it.next();
                if (parent.clock.get(old.tid) >= old.clock.get(old.tid)) {
                    tid = old.tid;
                    it.remove();
                    break;
                }
            }
            if (tid < 0) {
                tid = nextTid++;
            }
        }
        VectorClock clock = new VectorClock(parent.clock);
        clock.set(tid, clock.get(tid) + 1);
        parent.tick();
        return new ThreadState(this, tid, childName, clock, true);
    }

    /** {@code joiner} has seen {@code child} end (join returned, isAlive() false): it knows all the child did. */
    void join(ThreadState joiner, ThreadState child) {
        if (!joiner.known()) {
            unmodelled("the thread " + joiner.name + ", whose start was not seen, saw the thread " + child.name
                    + " end");
        }
        joiner.clock.joinWith(child.clock);
        synchronized (this) {
            if (!child.finished) {
                child.finished = true;
                finished.add(child);
            }
        }
    }

    void acquire(ThreadState t, SyncVar v) {
        if (!t.known()) {
            unmodelled("the thread " + t.name + ", whose start was not seen, synchronized with another thread");
        }
        v.acquireInto(t.clock);
    }

    void release(ThreadState t, SyncVar v) {
        v.releaseFrom(t.clock);
        t.tick();
    }

    /** Acquires lock {@code v} and adds it to the locks {@code t} holds (for the report). */
    void lockAcquired(ThreadState t, SyncVar v, String name, boolean shared) {
        acquire(t, v);
        t.locks = t.locks.with(v.id, name, shared);
    }

    /** Releases lock {@code v}, no longer held. */
    void lockReleased(ThreadState t, SyncVar v) {
        t.locks = t.locks.without(v.id);
        release(t, v);
    }

    /** Like {@link #lockReleased}, but what the release publishes goes to {@code publishTo} (a read-write lock). */
    void lockReleased(ThreadState t, SyncVar held, SyncVar publishTo) {
        t.locks = t.locks.without(held.id);
        release(t, publishTo);
    }

    void read(ThreadState t, VarState x, int site) {
        if (!t.known()) {
            return;
        }
        if (t.optimistic != null) {
            t.optimistic.add(x, site);
            return;
        }
        readNow(t, x, site);
    }

    private void readNow(ThreadState t, VarState x, int site) {
        long e = t.epoch();
        synchronized (x) {
            if (x.reads == null && x.read == e) {
                return; // this thread read it already since its last release
            }
            Access access = t.access(site, false);
            if (x.write != Epoch.NONE && !t.clock.knows(x.write)) {
                race(x, x.writeAccess, access);
            }
            if (x.reads != null) {
                x.reads.set(t.tid, t.clock.get(t.tid));
                x.readAccesses = store(x.readAccesses, t.tid, access);
            } else if (x.read == Epoch.NONE || t.clock.knows(x.read)) {
                x.read = e;
                x.readAccess = access;
            } else { // a second reader, unordered with the first: keep both
                x.reads = new VectorClock();
                x.reads.set(Epoch.tid(x.read), Epoch.clock(x.read));
                x.reads.set(t.tid, t.clock.get(t.tid));
                x.readAccesses = store(store(null, Epoch.tid(x.read), x.readAccess), t.tid, access);
                x.read = Epoch.NONE;
                x.readAccess = null;
            }
        }
    }

    void write(ThreadState t, VarState x, int site) {
        if (!t.known()) {
            return;
        }
        long e = t.epoch();
        synchronized (x) {
            if (x.write == e) {
                return;
            }
            Access access = t.access(site, true);
            if (x.write != Epoch.NONE && !t.clock.knows(x.write)) {
                race(x, x.writeAccess, access);
            }
            if (x.reads != null) {
                for (int u = 0; u < x.readAccesses.length; u++) {
                    if (x.readAccesses[u] != null && x.reads.get(u) > t.clock.get(u)) {
                        race(x, x.readAccesses[u], access);
                    }
                }
                x.reads = null;
                x.readAccesses = null;
            } else if (x.read != Epoch.NONE && !t.clock.knows(x.read)) {
                race(x, x.readAccess, access);
            }
            x.read = Epoch.NONE;
            x.readAccess = null;
            x.write = e;
            x.writeAccess = access;
        }
    }

    private static Access[] store(Access[] accesses, int tid, Access access) {
        if (accesses == null || tid >= accesses.length) {
            Access[] bigger = new Access[Math.max(tid + 1, accesses == null ? 4 : accesses.length * 2)];
            if (accesses != null) {
                System.arraycopy(accesses, 0, bigger, 0, accesses.length);
            }
            accesses = bigger;
        }
        accesses[tid] = access;
        return accesses;
    }

    /** {@code t} begins an optimistic read of a StampedLock ({@code lock}: its writers' clock). */
    void optimisticBegin(ThreadState t, SyncVar lock, SyncVar readers, long stamp, String lockName) {
        t.optimistic = new ThreadState.Optimistic(lock, readers, stamp, lockName);
    }

    /**
     * validate({@code stamp}) returned {@code valid}. Accepted: no writer held the lock since the stamp, so the
     * section's reads are reads under the stamp - ordered after the last write unlock, and before the next write
     * lock (as under a read lock). Rejected: the reads are thrown away, as the caller does with what they read.
     */
    void optimisticEnd(ThreadState t, long stamp, boolean valid) {
        ThreadState.Optimistic section = t.optimistic;
        t.optimistic = null;
        if (section == null || !valid || section.stamp != stamp || section.overflowed) {
            return;
        }
        acquire(t, section.lock);
        HeldLocks before = t.locks;
        t.locks = before.with(section.readers.id, "a validated optimistic read of " + section.lockName, true);
        for (int i = 0; i < section.count; i++) {
            readNow(t, section.vars[i], section.sites[i]);
        }
        t.locks = before;
        release(t, section.readers);
    }

    /** From now on the detector cannot be sure, so it reports no race found after this point. */
    void unmodelled(String reason) {
        if (unmodelled == null) {
            synchronized (this) {
                if (unmodelled == null) {
                    unmodelled = reason;
                }
            }
        }
    }

    /** Why the detector stopped reporting, or null. */
    String unmodelledReason() {
        return unmodelled;
    }

    private void race(VarState x, Access earlier, Access later) {
        synchronized (races) {
            if (unmodelled != null) {
                racesUnmodelled++;
                return;
            }
            int a = Math.min(earlier.site(), later.site());
            int b = Math.max(earlier.site(), later.site());
            if (races.size() < MAX_RACES && pairs.add(((long) a << 32) | (b & 0xffffffffL))) {
                races.add(new DataRace(x.index, x.type, earlier, later));
            }
        }
    }

    List<DataRace> races() {
        synchronized (races) {
            return List.copyOf(races);
        }
    }

    /** Races seen after the detector became unsure, and so not reported. */
    int racesNotReported() {
        synchronized (races) {
            return racesUnmodelled;
        }
    }
}
