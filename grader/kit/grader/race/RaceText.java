package kit.grader.race;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A data race in the learner's words: both accesses (method, what it does to which variable, file and line, thread,
 * locks held), why nothing orders them, and what can happen because of it.
 */
final class RaceText {
    static final String JMM = "On x86 HotSpot you may never see it go wrong; the Java Memory Model allows it"
            + " (JLS 17.4.5).";

    private RaceText() {}

    static String of(DataRace race) {
        Access a = race.earlier();
        Access b = race.later();
        Sites.Site sa = Sites.get(a.site());
        Sites.Site sb = Sites.get(b.site());
        String variable = variable(race, sa);
        StringBuilder text = new StringBuilder();
        text.append(method(sa)).append(' ').append(verb(a, sa)).append(' ').append(variable).append(how(sa))
                .append(where(sa, a)).append(' ').append(locks(a)).append("; ");
        text.append(method(sb)).append(' ').append(verb(b, sb)).append(' ')
                .append(sameVariable(sa, sb) ? "it" : variable(race, sb)).append(how(sb))
                .append(where(sb, b)).append(' ').append(locks(b)).append("; ");
        text.append(why(race, a, b, sa)).append(": ").append(consequence(race, a, b, sa)).append('.');
        if (isConstructor(sa) || isConstructor(sb)) {
            text.append(" The object was handed to the other thread without a happens-before edge: a final or volatile"
                    + " field, a lock, Thread.start() or a concurrent collection would have been one.");
        }
        text.append(' ').append(JMM);
        return text.toString();
    }

    private static boolean sameVariable(Sites.Site a, Sites.Site b) {
        return a.kind() == b.kind() && a.variable().equals(b.variable());
    }

    /** "`count`", "`ring[3]`", "element [3] of an Object[]", "the ArrayDeque `items`", "an ArrayList". */
    private static String variable(DataRace race, Sites.Site site) {
        String type = race.type() == null ? "collection" : race.type();
        return switch (site.kind()) {
            case ARRAY -> site.variable().isEmpty() ? "element [" + race.index() + "] of " + article(type) + " " + type
                    : "`" + site.variable() + "[" + race.index() + "]`";
            case COLLECTION -> site.variable().isEmpty() ? article(type) + " " + type
                    : "the " + type + " `" + site.variable() + "`";
            case PLAIN_MODE -> "`" + site.variable() + "` (plain mode)";
            default -> "`" + site.variable() + "`";
        };
    }

    private static String verb(Access access, Sites.Site site) {
        if (site.kind() == Sites.Kind.COLLECTION) {
            return access.write() ? "changes" : "reads";
        }
        return access.write() ? "writes" : "reads";
    }

    /** " with addLast()" for a collection, else nothing. */
    private static String how(Sites.Site site) {
        return site.kind() == Sites.Kind.COLLECTION && site.detail() != null && !site.detail().isEmpty()
                ? " with " + site.detail() : "";
    }

    private static String article(String word) {
        return startsWithVowel(word) ? "an" : "a";
    }

    /** "`value()`", "the constructor of Counter", "a lambda in `map()`". */
    static String method(Sites.Site site) {
        String m = site.method();
        if (m.equals("<init>")) {
            return "the constructor of " + site.simpleClass();
        }
        if (m.equals("<clinit>")) {
            return "the static initializer of " + site.simpleClass();
        }
        if (m.startsWith("lambda$")) {
            String[] parts = m.split("\\$");
            return "a lambda in `" + (parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "?") + "()`";
        }
        return "`" + m + "()`";
    }

    private static String where(Sites.Site site, Access access) {
        String file = site.sourceFile() != null ? site.sourceFile() : site.simpleClass() + ".java";
        return " (" + file + (site.line() > 0 ? ":" + site.line() : "") + ", thread " + access.thread() + ")";
    }

    private static String locks(Access access) {
        List<HeldLocks.Lock> held = access.locks().distinct();
        if (held.isEmpty()) {
            return "holding no lock";
        }
        return "holding " + held.stream().map(l -> "`" + l.name() + "`").collect(Collectors.joining(", "));
    }

    private static String why(DataRace race, Access a, Access b, Sites.Site site) {
        List<HeldLocks.Lock> common = a.locks().common(b.locks());
        String lockPart;
        if (!common.isEmpty()) {
            lockPart = "both hold " + common.stream().map(l -> "`" + l.name() + "`").collect(Collectors.joining(", "))
                    + ", a read lock that several threads hold at once, which orders nothing between them";
        } else if (a.locks().isEmpty() && b.locks().isEmpty()) {
            lockPart = "neither holds a lock";
        } else if (a.locks().isEmpty() || b.locks().isEmpty()) {
            lockPart = "a lock orders two accesses only when both hold it";
        } else {
            lockPart = "no lock in common";
        }
        String variablePart = switch (site.kind()) {
            case ARRAY -> "an array element cannot be volatile";
            case COLLECTION -> article(race.type() == null ? "collection" : race.type()) + " "
                    + (race.type() == null ? "collection" : race.type()) + " is not thread-safe";
            case PLAIN_MODE -> "a plain-mode access orders nothing";
            default -> "`" + site.variable() + "` is not volatile";
        };
        return lockPart + ", and " + variablePart;
    }

    private static boolean startsWithVowel(String word) {
        return word != null && !word.isEmpty() && "AEIOUaeiou".indexOf(word.charAt(0)) >= 0;
    }

    private static String consequence(DataRace race, Access a, Access b, Sites.Site site) {
        String name = site.kind() == Sites.Kind.FIELD ? "`" + site.variable() + "`" : "it";
        if (a.write() && b.write()) {
            return site.kind() == Sites.Kind.COLLECTION
                    ? "two changes at once can corrupt it, and one thread may never see the other's change"
                    : "one write can overwrite the other unseen, and an update is lost";
        }
        if (a.write()) {
            return site.kind() == Sites.Kind.COLLECTION
                    ? "the reading thread may see it half-changed, or never see the change"
                    : "the reading thread may never see the new value of " + name;
        }
        return site.kind() == Sites.Kind.COLLECTION
                ? "the read may see it half-changed, or as it was long before"
                : "the read may return the value from before the write, or one it saw long before";
    }

    private static boolean isConstructor(Sites.Site site) {
        return site.method().equals("<init>");
    }
}
