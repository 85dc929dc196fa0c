package kit.grader.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vector-clock core on hand-built event sequences: no threads run, each event is one call. */
class DetectorTest {
    private static final int READ = 9001;
    private static final int WRITE = 9002;
    private static final int OTHER_WRITE = 9003;

    private final Detector d = new Detector();
    private final ThreadState main = d.root("main");
    private final VarState x = new VarState(-1, null);

    static {
        site(READ, "value", 20);
        site(WRITE, "increment", 12);
        site(OTHER_WRITE, "reset", 30);
    }

    private static void site(int id, String method, int line) {
        Sites.add(new Sites.Site(id, Sites.Kind.FIELD, "counter.Counter", "Counter.java", method, line, "count",
                "Counter"));
    }

    @Test
    void oneThreadIsAlwaysOrdered() {
        d.write(main, x, WRITE);
        d.read(main, x, READ);
        d.write(main, x, OTHER_WRITE);
        assertEquals(List.of(), d.races());
    }

    @Test
    void forkOrdersWhatTheParentDidBefore() {
        d.write(main, x, WRITE);
        ThreadState t1 = d.fork(main, "worker-1");
        d.read(t1, x, READ);
        d.write(t1, x, OTHER_WRITE);
        assertEquals(List.of(), d.races());
    }

    @Test
    void parentAfterForkIsUnordered() {
        ThreadState t1 = d.fork(main, "worker-1");
        d.write(main, x, WRITE);
        d.read(t1, x, READ);
        DataRace race = single();
        assertEquals(WRITE, race.earlier().site());
        assertEquals("main", race.earlier().thread());
        assertEquals(READ, race.later().site());
        assertEquals("worker-1", race.later().thread());
    }

    @Test
    void unorderedWriteAndReadOfTwoThreads() {
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.write(t1, x, WRITE);
        d.read(t2, x, READ);
        DataRace race = single();
        assertTrue(race.earlier().write());
        assertTrue(!race.later().write());
    }

    @Test
    void unorderedReadThenWrite() {
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.read(t1, x, READ);
        d.write(t2, x, WRITE);
        DataRace race = single();
        assertEquals(READ, race.earlier().site());
        assertEquals(WRITE, race.later().site());
    }

    @Test
    void unorderedWrites() {
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.write(t1, x, WRITE);
        d.write(t2, x, WRITE);
        assertTrue(single().later().write());
    }

    @Test
    void twoReadsNeverRace() {
        d.write(main, x, WRITE);
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.read(t1, x, READ);
        d.read(t2, x, READ);
        assertEquals(List.of(), d.races());
    }

    @Test
    void lockHandOffOrders() {
        SyncVar lock = new SyncVar();
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.lockAcquired(t1, lock, "lock", false);
        d.write(t1, x, WRITE);
        d.lockReleased(t1, lock);
        d.lockAcquired(t2, lock, "lock", false);
        d.read(t2, x, READ);
        d.write(t2, x, OTHER_WRITE);
        d.lockReleased(t2, lock);
        assertEquals(List.of(), d.races());
    }

    @Test
    void twoLocksDoNotOrder() {
        SyncVar lock = new SyncVar();
        SyncVar monitor = new SyncVar();
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.lockAcquired(t1, lock, "lock", false);
        d.write(t1, x, WRITE);
        d.lockReleased(t1, lock);
        d.lockAcquired(t2, monitor, "Counter.this", false);
        d.read(t2, x, READ);
        d.lockReleased(t2, monitor);
        DataRace race = single();
        assertEquals("lock", race.earlier().locks().distinct().get(0).name());
        assertEquals("Counter.this", race.later().locks().distinct().get(0).name());
    }

    @Test
    void volatileHandOffOrders() {
        SyncVar flag = new SyncVar();
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.write(t1, x, WRITE);
        d.release(t1, flag); // volatile write
        d.acquire(t2, flag); // volatile read that saw it
        d.read(t2, x, READ);
        assertEquals(List.of(), d.races());
    }

    @Test
    void aWriteAfterTheVolatileWriteIsNotHandedOff() {
        SyncVar flag = new SyncVar();
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.release(t1, flag);
        d.write(t1, x, WRITE);
        d.acquire(t2, flag);
        d.read(t2, x, READ);
        single();
    }

    @Test
    void joinOrdersWhatTheChildDid() {
        ThreadState t1 = d.fork(main, "worker-1");
        d.write(t1, x, WRITE);
        d.join(main, t1);
        d.read(main, x, READ);
        d.write(main, x, OTHER_WRITE);
        assertEquals(List.of(), d.races());
    }

    @Test
    void withoutJoinTheParentRaces() {
        ThreadState t1 = d.fork(main, "worker-1");
        d.write(t1, x, WRITE);
        d.read(main, x, READ);
        single();
    }

    @Test
    void sharedReadsThenAWriteRaceWithTheReadNotJoined() {
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.read(t1, x, READ);
        d.read(t2, x, READ); // unordered reads: shared
        d.join(main, t1);
        d.write(main, x, WRITE);
        DataRace race = single();
        assertEquals("worker-2", race.earlier().thread());
        assertEquals("main", race.later().thread());
    }

    @Test
    void sharedReadsThenAWriteAfterBothJoined() {
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        d.read(t1, x, READ);
        d.read(t2, x, READ);
        d.join(main, t1);
        d.join(main, t2);
        d.write(main, x, WRITE);
        assertEquals(List.of(), d.races());
    }

    @Test
    void eachPairOfSitesIsReportedOnce() {
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        for (int i = 0; i < 10; i++) {
            d.write(t1, x, WRITE);
            d.read(t2, x, READ);
            d.release(t1, new SyncVar());
            d.release(t2, new SyncVar());
        }
        single();
    }

    @Test
    void anEndedThreadsIdIsReusedOnlyByAThreadThatKnowsAllItDid() {
        ThreadState t1 = d.fork(main, "worker-1");
        d.write(t1, x, WRITE);
        d.join(main, t1);
        ThreadState t2 = d.fork(main, "worker-2");
        assertEquals(t1.tid, t2.tid);
        d.write(t2, x, OTHER_WRITE);
        assertEquals(List.of(), d.races());
        ThreadState t3 = d.fork(main, "worker-3"); // t2 has not ended: a new id
        assertTrue(t3.tid != t2.tid);
        d.read(t3, x, READ);
        assertEquals("worker-2", single().earlier().thread());
    }

    @Test
    void anUnjoinedEndedThreadsIdIsNotReused() {
        ThreadState helper = d.fork(main, "helper");
        ThreadState t1 = d.fork(main, "worker-1");
        d.write(t1, x, WRITE);
        d.join(helper, t1); // helper saw t1 end; main did not
        ThreadState t2 = d.fork(main, "worker-2");
        assertTrue(t2.tid != t1.tid);
        d.read(t2, x, READ);
        single();
    }

    @Test
    void anUnknownThreadsAccessesAreNotRecorded() {
        ThreadState stranger = d.unknown("pool-1-thread-1");
        d.write(stranger, x, WRITE);
        d.read(main, x, READ);
        assertEquals(List.of(), d.races());
        assertNull(d.unmodelledReason());
    }

    @Test
    void anUnknownThreadThatSynchronizesStopsTheReports() {
        ThreadState t1 = d.fork(main, "worker-1");
        d.write(t1, x, WRITE);
        d.read(main, x, READ); // a race found before: it stands
        ThreadState stranger = d.unknown("pool-1-thread-1");
        d.acquire(stranger, new SyncVar());
        assertNotNull(d.unmodelledReason());
        VarState y = new VarState(-1, null);
        d.write(t1, y, OTHER_WRITE);
        d.read(main, y, READ);
        assertEquals(1, d.races().size());
        assertEquals(1, d.racesNotReported());
    }

    @Test
    void aTaskRunByAnUnknownThreadIsOrderedAfterItsHandOff() {
        SyncVar handOff = new SyncVar();
        d.write(main, x, WRITE);
        d.release(main, handOff); // submit
        ThreadState worker = d.unknown("pool-1-thread-1");
        worker.inTasks++;
        d.acquire(worker, handOff); // the task starts
        d.read(worker, x, READ);
        d.write(worker, x, OTHER_WRITE);
        worker.inTasks--;
        assertEquals(List.of(), d.races());
        assertNull(d.unmodelledReason());
    }

    @Test
    void aValidatedOptimisticReadIsAReadUnderTheStamp() {
        SyncVar writers = new SyncVar();
        SyncVar readers = new SyncVar();
        ThreadState writer = d.fork(main, "writer");
        ThreadState reader = d.fork(main, "reader");
        d.lockAcquired(writer, writers, "the write lock of sl", false);
        d.write(writer, x, WRITE);
        d.lockReleased(writer, writers);
        d.optimisticBegin(reader, writers, readers, 384, "sl");
        d.read(reader, x, READ);
        d.optimisticEnd(reader, 384, true);
        // the next writer is ordered after the validated read
        d.acquire(writer, writers);
        d.acquire(writer, readers);
        d.write(writer, x, OTHER_WRITE);
        assertEquals(List.of(), d.races());
    }

    @Test
    void aRejectedOptimisticReadIsNotARace() {
        SyncVar writers = new SyncVar();
        SyncVar readers = new SyncVar();
        ThreadState writer = d.fork(main, "writer");
        ThreadState reader = d.fork(main, "reader");
        d.optimisticBegin(reader, writers, readers, 384, "sl");
        d.lockAcquired(writer, writers, "the write lock of sl", false);
        d.write(writer, x, WRITE);
        d.read(reader, x, READ); // reads while the writer writes
        d.lockReleased(writer, writers);
        d.optimisticEnd(reader, 384, false);
        assertEquals(List.of(), d.races());
    }

    @Test
    void anOptimisticReadWithoutAValidateIsNotRecorded() {
        ThreadState writer = d.fork(main, "writer");
        ThreadState reader = d.fork(main, "reader");
        d.write(writer, x, WRITE);
        d.optimisticBegin(reader, new SyncVar(), new SyncVar(), 384, "sl");
        d.read(reader, x, READ);
        assertEquals(List.of(), d.races());
    }

    @Test
    void aWriteUnderASharedReadLockRaces() {
        SyncVar writers = new SyncVar();
        SyncVar readers = new SyncVar();
        ThreadState t1 = d.fork(main, "worker-1");
        ThreadState t2 = d.fork(main, "worker-2");
        // read lock: acquires what writers released; its unlock publishes to the readers' clock
        d.lockAcquired(t1, writers, "the read lock of rw", true);
        d.write(t1, x, WRITE);
        d.lockReleased(t1, writers, readers);
        d.lockAcquired(t2, writers, "the read lock of rw", true);
        d.write(t2, x, OTHER_WRITE);
        d.lockReleased(t2, writers, readers);
        DataRace race = single();
        assertTrue(race.earlier().locks().distinct().get(0).shared());
    }

    @Test
    void clocksStayBoundedOverManyThreadsStartedAndJoined() {
        for (int round = 0; round < 10_000; round++) {
            ThreadState t1 = d.fork(main, "worker-1");
            ThreadState t2 = d.fork(main, "worker-2");
            d.write(t1, x, WRITE);
            d.join(main, t1);
            d.join(main, t2);
            d.read(main, x, READ);
        }
        assertTrue(main.clock.size() <= 8, "thread ids are reused: clock of " + main.clock.size() + " entries");
        assertEquals(List.of(), d.races());
    }

    private DataRace single() {
        List<DataRace> races = d.races();
        assertEquals(1, races.size(), () -> "races: " + races);
        return races.get(0);
    }
}
