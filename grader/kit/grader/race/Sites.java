package kit.grader.race;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the instrumenter knew about each place in the code that the detector hears from: an access site (a field,
 * an array element, a collection call), or the name of a lock. Each instrumented class registers its own sites, its
 * fields and itself when it is initialized (the ids were handed out when it was instrumented); a report reads them.
 */
public final class Sites {
    public enum Kind {
        /** A field of an object or a static field: {@code variable} is its name, {@code detail} its class. */
        FIELD,
        /** An array element: {@code variable} says which array ("ring", "an array"). */
        ARRAY,
        /** A call on a {@code java.util} collection: {@code variable} says which one, {@code detail} the method. */
        COLLECTION,
        /** A plain-mode access through an atomic or a VarHandle: {@code variable} says of what. */
        PLAIN_MODE,
        /** The name of a lock or monitor ("lock", "ThreadSafeCounter.this"). */
        LOCK
    }

    public record Site(int id, Kind kind, String className, String sourceFile, String method, int line, String variable,
            String detail) {
        String simpleClass() {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            return simple.substring(simple.lastIndexOf('$') + 1);
        }
    }

    /** A field of an instrumented class: its id in the shadow of an object, and whether it is volatile. */
    public record Field(int id, String className, String name, boolean isVolatile, boolean isStatic) {}

    private static final Map<Integer, Site> SITES = new ConcurrentHashMap<>();
    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> CLASSES = new ConcurrentHashMap<>();

    private Sites() {}

    static void add(Site site) {
        SITES.put(site.id(), site);
    }

    static Site get(int id) {
        Site site = SITES.get(id);
        return site != null ? site
                : new Site(id, Kind.FIELD, "?", null, "?", -1, "a variable", "?");
    }

    static void addField(Field field) {
        FIELDS.put(field.className() + "." + field.name(), field);
    }

    /** The field {@code name} declared in {@code className}, or null if no instrumented class declared it. */
    static Field field(String className, String name) {
        return FIELDS.get(className + "." + name);
    }

    static void addClass(String className, int id) {
        CLASSES.put(className, id);
    }

    static boolean anyClass() {
        return !CLASSES.isEmpty();
    }

    /** The id of an instrumented class, or -1. */
    static int classId(String className) {
        return CLASSES.getOrDefault(className, -1);
    }

    /**
     * Registers what one instrumented class brings, encoded by the instrumenter: one record a line, fields
     * separated by tabs - {@code S id kind class file method line variable detail}, {@code F id class name
     * volatile static}, {@code C id class}.
     */
    static void register(String table) {
        for (String line : table.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "S" -> add(new Site(Integer.parseInt(f[1]), Kind.valueOf(f[2]), f[3], f[4].isEmpty() ? null : f[4],
                        f[5], Integer.parseInt(f[6]), f[7], f[8]));
                case "F" -> addField(new Field(Integer.parseInt(f[1]), f[2], f[3], f[4].equals("1"), f[5].equals("1")));
                case "C" -> addClass(f[2], Integer.parseInt(f[1]));
                default -> throw new IllegalArgumentException("not a site record: " + line);
            }
        }
    }

    /** The record {@link #register} reads for {@code site}. */
    public static String encode(Site s) {
        return String.join("\t", "S", String.valueOf(s.id()), s.kind().name(), s.className(),
                s.sourceFile() == null ? "" : s.sourceFile(), s.method(), String.valueOf(s.line()), s.variable(),
                s.detail() == null ? "" : s.detail()) + "\n";
    }

    public static String encode(Field f) {
        return String.join("\t", "F", String.valueOf(f.id()), f.className(), f.name(), f.isVolatile() ? "1" : "0",
                f.isStatic() ? "1" : "0") + "\n";
    }

    public static String encodeClass(String className, int id) {
        return "C\t" + id + "\t" + className + "\n";
    }
}
