package threadsafety;

/**
 * The racy counter: {@code count++} is three steps - read, add one, write back - and nothing stops two threads from
 * reading the same value and both writing back that value plus one. One of the two increments is then lost.
 *
 * <p>Why {@code volatile}? It is the fix people try first, and it is not enough. Under the Java Memory Model a
 * {@code volatile} field gives visibility and ordering: a read sees the latest write to it, in one order that all
 * threads agree on (the caches of the cores are coherent anyway; "going to main memory" is not what it does). It does
 * not make {@code count++} one step, so updates are still lost. A plain {@code int} loses updates too (the jcstress
 * snippet shows it), but in a loop that does nothing but increment, the JIT may keep a plain field in a register and
 * write it back once per thread - the race then hides in a demo like this one, while in real code, with other work
 * between increments, it stays.
 *
 * <p>It lives in a package because the jcstress test, which must be in one, tests this very class.
 */
public final class UnguardedCounter {
    private volatile int count;

    public void increment() {
        count++;
    }

    public int value() {
        return count;
    }
}
