///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//DEPS org.ow2.asm:asm:9.9.1
//DEPS org.ow2.asm:asm-tree:9.9.1
//DEPS org.ow2.asm:asm-analysis:9.9.1
//SOURCES ../../grader/kit/grader/race/*.java ../../grader/kit/grader/instrument/*.java

// The grader's data-race detector on three counters, next to what plain threads show on this machine. The rule it
// checks is the Java Memory Model's: two threads' accesses to the same variable, one a write, must be ordered by
// happens-before (a common lock, a volatile, a thread's start or join). A run that shows nothing wrong proves nothing:
// x86 and HotSpot forgive much that the model allows to go wrong. The detector watches the accesses themselves.
//
// Run:  ./jbang 2k-race-detector
//
// You will see, for each counter (the three classes at the end of this file), what plain threads show here and the
// detector's report:
// - PlainCounter (count++ on a plain int): plain threads lose updates (how many varies from run to run), and the
//   detector finds its data races - the same ones on every run, on one CPU as on many.
// - ReaderUnderAnotherLock (increment() holds a lock, value() is synchronized on another): plain threads lose nothing
//   and a reader sees the final count - nothing shows on x86 - yet the detector reports the write and the read that
//   no lock in common orders: "no lock in common, and `count` is not volatile".
// - VolatileCounter (count++ on a volatile int): "no data race", since volatile accesses are always ordered, yet
//   count++ is not atomic: it loses updates whenever the two threads run at the same instant (how many varies from
//   run to run, and a busy machine may show none). The detector judges ordering; atomicity is the model checker's.
//
// How: the counters' class files are rewritten with the grader's instrumenter (every field access and lock calls the
// detector) and loaded on their own; thread A and thread B then take turns (A: increment(), B: value(),
// B: increment(), A: value()) through latches the detector does not see, so only the counter could order their
// accesses.

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import kit.grader.instrument.Instrumenter;
import kit.grader.race.RaceDetector;

public class RaceDetectorDemo {
    private static final int INCREMENTS = 1_000_000;

    private static final List<String[]> COUNTERS = List.of(
            new String[] {"PlainCounter", "count++ on a plain int, no lock"},
            new String[] {"ReaderUnderAnotherLock", "increment() holds lock, value() is synchronized: another lock"},
            new String[] {"VolatileCounter", "count++ on a volatile int, no lock"});

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.err.println("usage: ./jbang 2k-race-detector (it takes no arguments)");
            System.exit(2);
        }
        System.out.printf("This machine: %s, %d CPUs, Java %s%n", System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature());
        Path dir = Files.createTempDirectory("race-detector");
        try {
            ClassLoader instrumented = instrument(dir);
            for (String[] counter : COUNTERS) {
                System.out.printf("%n%s (%s)%n", counter[0], counter[1]);
                System.out.println("  plain threads here: " + plainRun(Class.forName(counter[0])));
                List<String> races = detectorRun(Class.forName(counter[0], true, instrumented));
                System.out.println("  race detector:      " + (races.isEmpty() ? "no data race"
                        : races.size() + " data race" + (races.size() == 1 ? "" : "s")));
                for (int i = 0; i < races.size(); i++) {
                    System.out.printf("    %d. %s%n", i + 1, races.get(i));
                }
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * 2 threads x 1,000,000 increments while a third thread reads value() until it sees the final count: what the
     * plain classes show on this machine.
     */
    static String plainRun(Class<?> type) throws Exception {
        Object counter = newCounter(type);
        Method increment = method(type, "increment");
        Method value = method(type, "value");
        int expected = 2 * INCREMENTS;
        Runnable writer = () -> {
            for (int i = 0; i < INCREMENTS; i++) {
                call(increment, counter);
            }
        };
        Thread a = new Thread(writer);
        Thread b = new Thread(writer);
        AtomicInteger lastSeen = new AtomicInteger(-1);
        Thread reader = new Thread(() -> {
            long deadline = System.nanoTime() + 10_000_000_000L;
            int seen;
            do {
                seen = (Integer) call(value, counter);
            } while (seen < expected && (a.isAlive() || b.isAlive() || System.nanoTime() < deadline)
                    && !Thread.currentThread().isInterrupted());
            lastSeen.set(seen);
        });
        reader.setDaemon(true);
        a.start();
        b.start();
        reader.start();
        a.join();
        b.join();
        reader.join(2_000);
        reader.interrupt();
        int actual = (Integer) call(value, counter);
        String lost = actual == expected ? "none lost" : String.format("%,d lost (varies from run to run)",
                expected - actual);
        String read = lastSeen.get() == actual ? ", and a reader saw the final count"
                : ", and a reader still read " + String.format("%,d", lastSeen.get()) + " at the end";
        return String.format("2 threads x %,d increments -> %,d: %s%s", INCREMENTS, actual, lost, read);
    }

    // tag::detector[]
    /** Thread A and thread B take turns; the detector watches the instrumented counter. */
    static List<String> detectorRun(Class<?> type) throws Exception {
        Object counter = newCounter(type);
        Method increment = method(type, "increment");
        Method value = method(type, "value");
        CountDownLatch aIncremented = new CountDownLatch(1); // the turns: latches the detector does not see
        CountDownLatch bDone = new CountDownLatch(1);
        RaceDetector.begin();
        Thread a = new Thread(() -> {
            call(increment, counter);
            aIncremented.countDown();
            await(bDone);
            call(value, counter);
        }, "A");
        Thread b = new Thread(() -> {
            await(aIncremented);
            call(value, counter);
            call(increment, counter);
            bDone.countDown();
        }, "B");
        for (Thread t : List.of(a, b)) {
            RaceDetector.forked(t); // each thread starts after the counter was made
            t.start();
        }
        for (Thread t : List.of(a, b)) {
            t.join();
            RaceDetector.joined(t);
        }
        return RaceDetector.end().races();
    }
    // end::detector[]

    /** The counters' classes, instrumented into {@code dir}, in a class loader of their own. */
    static ClassLoader instrument(Path dir) throws IOException {
        Path plain = dir.resolve("plain");
        Path rewritten = dir.resolve("instrumented");
        ClassLoader ours = RaceDetectorDemo.class.getClassLoader();
        for (String[] counter : COUNTERS) {
            String file = counter[0].replace('.', '/') + ".class";
            Files.createDirectories(plain.resolve(file).getParent());
            try (InputStream in = ours.getResourceAsStream(file)) {
                Files.write(plain.resolve(file), in.readAllBytes());
            }
        }
        Set<String> learner = Set.copyOf(COUNTERS.stream().map(c -> c[0].replace('.', '/')).toList());
        Instrumenter.instrument(plain, rewritten, learner, ours, 1);
        return new ClassLoader("instrumented", ours) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded == null && learner.contains(name.replace('.', '/'))) {
                        try {
                            byte[] bytes = Files.readAllBytes(rewritten.resolve(name.replace('.', '/') + ".class"));
                            loaded = defineClass(name, bytes, 0, bytes.length);
                        } catch (IOException e) {
                            throw new ClassNotFoundException(name, e);
                        }
                    }
                    return loaded != null ? loaded : super.loadClass(name, resolve);
                }
            }
        };
    }

    private static Object newCounter(Class<?> type) throws ReflectiveOperationException {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        Method method = type.getDeclaredMethod(name);
        method.setAccessible(true);
        return method;
    }

    private static Object call(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

// tag::counters[]
/** The racy counter with a plain field: no lock, no volatile. Increments race, and a reader may see a stale count. */
final class PlainCounter {
    private int count;

    void increment() {
        count++;
    }

    int value() {
        return count;
    }
}

/**
 * Looks guarded: increment() holds {@code lock}, and value() is {@code synchronized} - on the counter's own monitor,
 * another lock. No update is lost, and on x86 HotSpot the reader always sees the latest count; but no lock orders the
 * read after the writes, so the Java Memory Model lets value() return a stale count for ever.
 */
final class ReaderUnderAnotherLock {
    private final Lock lock = new ReentrantLock();
    private int count;

    void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    synchronized int value() {
        return count;
    }
}

/** Every access is ordered (volatile), so no data race - but count++ is three steps, and updates are lost. */
final class VolatileCounter {
    private volatile int count;

    void increment() {
        count++;
    }

    int value() {
        return count;
    }
}
// end::counters[]
