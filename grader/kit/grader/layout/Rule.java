package kit.grader.layout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule an exercise's README states that behaviour alone cannot check - whether a class leans on a ready-made one
 * or sleep-polls - so it is checked by reading the source: what it asks, its points, and the code that breaks it.
 * The rules are code, so they are defined here, by the names that exercises/exercises.toml gives them.
 */
public record Rule(String summary, int points, List<Forbidden> forbidden) {

    /** Code a rule forbids: a pattern over the source (comments and strings removed) and why it is not allowed. */
    public record Forbidden(Pattern pattern, String why) {
        static Forbidden of(String regex, String why) {
            return new Forbidden(Pattern.compile(regex), why);
        }
    }

    private static final String CONCURRENT_QUEUES = "\\b(\\w*BlockingQueue|\\w*BlockingDeque|ConcurrentLinkedQueue"
            + "|ConcurrentLinkedDeque|SynchronousQueue|LinkedTransferQueue|TransferQueue|DelayQueue)\\b";
    private static final String SLEEP = "\\bsleep\\s*\\(|\\bonSpinWait\\s*\\(|\\bparkNanos\\s*\\(";

    private static final Rule CONDITION_RULE = new Rule(
            "waits with a condition object, not a java.util.concurrent queue or sleep-polling", 2, List.of(
                    Forbidden.of(CONCURRENT_QUEUES,
                            "a java.util.concurrent queue already does the waiting and signalling; the exercise is to "
                                    + "write it yourself with a Lock + Condition or wait/notifyAll"),
                    Forbidden.of(SLEEP,
                            "sleeping in a loop until something changes is polling: it wastes CPU and reacts late. "
                                    + "Wait on a condition and let the thread that changes the state signal it")));

    /** The rules that exercises/exercises.toml can name. */
    private static final Map<String, Rule> NAMED = Map.of(
            "no-atomics", new Rule(
                    "built on a lock, without java.util.concurrent.atomic", 2, List.of(
                            Forbidden.of("java\\.util\\.concurrent\\.atomic|\\bAtomic(Integer|Long|Boolean|Reference)"
                                    + "\\w*\\b|\\b(Long|Double)(Adder|Accumulator)\\b",
                                    "the exercise is to build what AtomicInteger does from a lock, as the chapter "
                                            + "does; using java.util.concurrent.atomic skips exactly that"),
                            Forbidden.of("\\bVarHandle\\b|\\bUnsafe\\b",
                                    "VarHandle/Unsafe are the atomics' own machinery; guard the value with a lock "
                                            + "instead"))),
            "own-lock", new Rule(
                    "guarded by your own lock, without java.util.concurrent collections or "
                            + "Collections.synchronizedList", 2, List.of(
                            Forbidden.of("\\b(CopyOnWrite\\w+|Concurrent(HashMap|Map|NavigableMap|LinkedQueue"
                                    + "|LinkedDeque|SkipListSet|SkipListMap))\\b",
                                    "a java.util.concurrent collection is already thread-safe; the exercise is to "
                                            + "make an ordinary list safe with your own lock"),
                            Forbidden.of("\\bsynchronized(List|Collection)\\s*\\(|\\bVector\\b",
                                    "Collections.synchronizedList (and Vector) lock each call for you; the exercise "
                                            + "is to do that yourself - and to make appendIfAbsent and snapshot "
                                            + "atomic, which they do not"))),
            "condition-waits", CONDITION_RULE);

    /** The rule called {@code name}, if this class defines one. */
    static Optional<Rule> named(String name) {
        return Optional.ofNullable(NAMED.get(name));
    }

    /** The names of every rule, for a message about a name that is not one. */
    static String names() {
        return String.join(", ", NAMED.keySet().stream().sorted().toList());
    }
}
