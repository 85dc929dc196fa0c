package kit.grader.host;

import kit.grader.layout.GraderException;
import kit.grader.layout.KitLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * The rule every graded class must keep before it runs: it uses only the JDK's APIs that a concurrency exercise can
 * need. The learner's code runs inside the check JVMs, whose results reach the grader through a file; code that can
 * open files, start programs, reflect on the grader's objects, define or load classes, call native code or use the
 * grader's own classes (or the libraries on its class path) could forge that file, or read what protects it. No JVM
 * since JDK 24 can sandbox code in-process (the SecurityManager is gone), so the grader reads the compiled classes
 * instead (ASM, every type, method and field they refer to, including lambdas' and string concatenation's handles)
 * and refuses the whole submission, with the file and line of each use, before any of it runs.
 *
 * <p>What stays allowed: {@code java.lang}, {@code java.util}, {@code java.util.concurrent} (with its locks and
 * atomics; an exercise's own rule may forbid those), {@code java.time}, {@code java.util.function}, streams,
 * printing to {@code System.out}, and {@code MethodHandles.lookup().findVarHandle(...)} with {@code VarHandle}s,
 * which lock-free designs need. The learner's own classes may use each other.
 */
final class ForbiddenApis {
    /** Types (a class, or a package when it ends with '/') no exercise needs, and what they would give. */
    private static final Map<String, String> TYPES = new LinkedHashMap<>();
    static {
        for (String prefix : List.of("java/io/File", "java/io/RandomAccessFile", "java/nio/file/", "java/nio/channels/",
                "java/util/zip/", "java/util/jar/", "java/util/logging/", "java/util/prefs/")) {
            TYPES.put(prefix, "files");
        }
        TYPES.put("java/io/ObjectInputStream", "deserialization");
        TYPES.put("java/io/ObjectOutputStream", "serialization");
        TYPES.put("java/lang/Process", "other programs"); // Process, ProcessBuilder, ProcessHandle
        TYPES.put("java/lang/reflect/", "reflection");
        TYPES.put("java/beans/", "reflection");
        TYPES.put("java/lang/ClassLoader", "class loading");
        TYPES.put("java/lang/Module", "class loading"); // Module, ModuleLayer
        TYPES.put("java/util/ServiceLoader", "class loading");
        TYPES.put("java/lang/foreign/", "native code");
        TYPES.put("java/lang/instrument/", "the JVM's internals");
        TYPES.put("java/lang/management/", "the JVM's internals");
        TYPES.put("java/net/", "the network");
        TYPES.put("java/rmi/", "the network");
        TYPES.put("java/sql/", "databases");
    }

    /** {@code java.lang.reflect.Array} makes generic arrays: nothing to fear. */
    private static final String ALLOWED_REFLECTION = "java/lang/reflect/Array";

    /** For these classes, only the methods named here are allowed (the rest reach other classes' insides). */
    private static final Map<String, Set<String>> ONLY_METHODS = Map.of(
            "java/lang/Class", Set.of("getName", "getSimpleName", "getCanonicalName", "getTypeName", "getPackageName",
                    "isInstance", "cast", "isAssignableFrom", "desiredAssertionStatus", "getComponentType",
                    "componentType", "arrayType", "isArray", "isPrimitive", "isInterface", "isEnum", "isRecord",
                    "getSuperclass", "getInterfaces", "getModifiers", "getEnumConstants", "descriptorString",
                    "toString", "hashCode", "equals"),
            "java/lang/invoke/MethodHandles$Lookup", Set.of("findVarHandle", "findStaticVarHandle", "lookupClass",
                    "lookupModes", "toString"),
            "java/lang/Runtime", Set.of("getRuntime", "availableProcessors", "freeMemory", "totalMemory",
                    "maxMemory", "gc", "exit", "halt", "addShutdownHook", "removeShutdownHook", "version"));

    /** Methods of these classes that are refused, whoever calls them (a learner's Thread subclass too). */
    private static final Map<String, Set<String>> NOT_METHODS = Map.of(
            "java/lang/System", Set.of("load", "loadLibrary"),
            "java/lang/Thread", Set.of("getContextClassLoader", "setContextClassLoader"),
            "java/lang/invoke/MethodHandles", Set.of("privateLookupIn", "reflectAs", "classData", "classDataAt"),
            "java/lang/invoke/MethodType", Set.of("fromMethodDescriptorString"));

    /** Constructors that open a file by its name. */
    private static final Set<String> OPEN_BY_NAME = Set.of("java/io/PrintStream", "java/io/PrintWriter",
            "java/util/Formatter");

    private static final Map<String, String> WHY = Map.of(
            "java/lang/Class", "reflection", "java/lang/invoke/MethodHandles$Lookup", "reflection",
            "java/lang/Runtime", "other programs or native code", "java/lang/System", "native code",
            "java/lang/Thread", "class loading", "java/lang/invoke/MethodHandles", "reflection",
            "java/lang/invoke/MethodType", "class loading");

    private ForbiddenApis() {}

    /** One use of a refused API: where ("counter/ThreadSafeCounter.java:12"), what and why. */
    record Use(String where, String api, String why) {}

    /**
     * Empty, or what the learner reads because their classes may not run. {@code classSources} maps each class javac
     * wrote into {@code classesDir} (binary name, e.g. {@code counter.ThreadSafeCounter$1}) to its source file; the
     * classes from {@code learnerSources} are read, the grader's checks are not.
     */
    static String problem(Path classesDir, Map<String, Path> classSources, List<Path> learnerSources,
            KitLayout paths) {
        Set<Path> learnerFiles = new HashSet<>();
        learnerSources.forEach(file -> learnerFiles.add(file.toAbsolutePath().normalize()));
        Map<String, Path> learnerClasses = new TreeMap<>();
        classSources.forEach((name, file) -> {
            if (learnerFiles.contains(file.toAbsolutePath().normalize())) {
                learnerClasses.put(name, file);
            }
        });
        if (learnerClasses.isEmpty()) { // never skip the scan unnoticed
            throw new GraderException("javac wrote no class of the learner's files " + learnerSources);
        }
        List<Use> uses = find(classesDir, learnerClasses, paths);
        return uses.isEmpty() ? "" : explanation(uses);
    }

    /** The refused uses in the learner's classes ({@code learnerClasses}: binary name to source file). */
    private static List<Use> find(Path classesDir, Map<String, Path> learnerClasses, KitLayout paths) {
        Set<String> own = new LinkedHashSet<>();
        learnerClasses.keySet().forEach(name -> own.add(name.replace('.', '/')));
        Set<Use> uses = new LinkedHashSet<>();
        for (Map.Entry<String, Path> learnerClass : learnerClasses.entrySet()) {
            Path classFile = classesDir.resolve(learnerClass.getKey().replace('.', '/') + ".class");
            new Scan(own, paths.show(learnerClass.getValue()), uses).read(classFile);
        }
        return new ArrayList<>(uses);
    }

    /** What the learner reads when their code was refused. */
    private static String explanation(List<Use> uses) {
        Map<String, Set<String>> byPlace = new LinkedHashMap<>(); // "File.java:12: (files)" -> the APIs used there
        for (Use use : uses) {
            byPlace.computeIfAbsent(use.where() + "\t" + use.why(), place -> new LinkedHashSet<>()).add(use.api());
        }
        List<String> lines = new ArrayList<>();
        byPlace.forEach((place, apis) -> lines.add("  " + place.substring(0, place.indexOf('\t')) + ": "
                + String.join(", ", apis) + " (" + place.substring(place.indexOf('\t') + 1) + ")"));
        return "Your code uses Java APIs that no exercise needs, so the grader did not run it (0 points):\n"
                + String.join("\n", lines) + "\n"
                + "The grader runs your class and trusts what its checks report, so a graded class may not touch files,"
                + " other programs, reflection, class loading, native code, the network, or the grader's and its"
                + " libraries' own classes. Threads, locks, conditions, java.util and java.util.concurrent (as far as"
                + " the exercise's rule allows) and VarHandles from MethodHandles.lookup().findVarHandle are fine."
                + " Remove these uses (printing to System.out is fine) and grade again.";
    }

    /** One class file's references, read with ASM: the remapper hears of every type, method and field named. */
    private static final class Scan extends Remapper {
        private final Set<String> own;
        private final String file;
        private final Set<Use> uses;
        private int line;

        Scan(Set<String> own, String file, Set<Use> uses) {
            super(Opcodes.ASM9);
            this.own = own;
            this.file = file;
            this.uses = uses;
        }

        void read(Path classFile) {
            try {
                ClassVisitor remapper = new ClassRemapper(new Sink(), this);
                new ClassReader(Files.readAllBytes(classFile)).accept(new LineTracker(remapper), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String map(String internalName) {
            String why = typeRule(internalName);
            if (why != null) {
                refuse(internalName.replace('/', '.'), why);
            }
            return internalName;
        }

        @Override
        public String mapMethodName(String owner, String name, String descriptor) {
            Set<String> only = ONLY_METHODS.get(owner);
            boolean inherited = own.contains(owner) && NOT_METHODS.get("java/lang/Thread").contains(name);
            if (only != null && !only.contains(name) && !name.startsWith("<")
                    || NOT_METHODS.getOrDefault(owner, Set.of()).contains(name) || inherited) {
                refuse(owner.replace('/', '.') + "." + name, WHY.getOrDefault(owner, "class loading"));
            } else if (OPEN_BY_NAME.contains(owner) && name.equals("<init>")
                    && descriptor.startsWith("(Ljava/lang/String;")) {
                refuse("new " + owner.replace('/', '.') + "(String fileName, ...)", "files");
            }
            return name;
        }

        /** Why a type is refused, or null: the learner's own classes and the allowed part of java.* pass. */
        private String typeRule(String internalName) {
            if (own.contains(internalName) || internalName.equals(ALLOWED_REFLECTION)) {
                return null;
            }
            if (!internalName.startsWith("java/")) {
                return "not part of the JDK's java.* API: the grader's and its libraries' classes are off limits";
            }
            for (Map.Entry<String, String> rule : TYPES.entrySet()) {
                if (internalName.startsWith(rule.getKey())) {
                    return rule.getValue();
                }
            }
            return null;
        }

        private void refuse(String api, String why) {
            uses.add(new Use(line > 0 ? file + ":" + line : file, api, why));
        }

        /**
         * Keeps {@link #line} at the source line of what the remapper behind it hears next (a method's own
         * declaration and a field's have none).
         */
        private final class LineTracker extends ClassVisitor {
            LineTracker(ClassVisitor next) {
                super(Opcodes.ASM9, next);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor,
                    String signature, Object value) {
                line = 0;
                return super.visitField(access, name, descriptor, signature, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                line = 0;
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitLineNumber(int number, Label start) {
                        line = number;
                        super.visitLineNumber(number, start);
                    }
                };
            }
        }
    }

    /** The end of the chain: the remapper in front of it only visits a method's code if someone takes it. */
    private static final class Sink extends ClassVisitor {
        Sink() {
            super(Opcodes.ASM9);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {};
        }
    }
}
