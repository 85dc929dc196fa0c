import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Measures how fast threads that only read can read a {@link Position}, and checks what they see under a writer. */
final class ReadersThroughput {
    private ReadersThroughput() {}

    record Result(String way, int threads, double millionsPerSecond) {}

    /** Reads while another thread moves the point 200,000 times; true when no read saw x != y. */
    static boolean consistentUnderWrites(Position position) {
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200_000; i++) {
                position.move(1);
            }
        });
        boolean consistent = true;
        while (writer.isAlive()) {
            consistent &= position.skew() == 0;
        }
        return consistent;
    }

    /** Each way with each number of reader threads, each thread reading {@code readsPerThread} times. */
    static List<Result> compare(List<Position> ways, List<Integer> threadCounts, int readsPerThread) {
        // Warm up every way before timing any: the read's call site then has seen all of them, so the JIT inlines
        // none - otherwise it could merge the first way's lock/unlock pairs across loop iterations and time nothing.
        for (Position way : ways) {
            Contention.run(1, 1, reader(way, Math.max(1, readsPerThread / 4)));
        }
        List<Result> results = new ArrayList<>();
        for (Position way : ways) {
            for (int threads : threadCounts) {
                Duration took = Contention.run(threads, 1, reader(way, readsPerThread));
                results.add(new Result(way.name(), threads, threads * (double) readsPerThread / took.toNanos() * 1e3));
            }
        }
        return results;
    }

    private static Runnable reader(Position position, int reads) {
        return () -> {
            int skew = 0;
            for (int i = 0; i < reads; i++) {
                skew |= position.skew();
            }
            if (skew != 0) {
                throw new AssertionError(position.name() + ": a read saw x != y");
            }
        };
    }
}
