import java.time.Duration;
import threadsafety.UnguardedCounter;

/** Measures how many increments an {@link UnguardedCounter} loses when several threads share it. */
final class LostUpdates {
    private LostUpdates() {}

    record Result(int threads, int incrementsPerThread, long expected, long actual, Duration took) {
        long lost() {
            return expected - actual;
        }
    }

    /** Runs {@code threads} threads that each increment one shared counter {@code incrementsPerThread} times. */
    static Result measure(int threads, int incrementsPerThread) {
        UnguardedCounter counter = new UnguardedCounter();
        Duration took = Contention.run(threads, incrementsPerThread, counter::increment);
        return new Result(threads, incrementsPerThread, (long) threads * incrementsPerThread, counter.value(), took);
    }
}
