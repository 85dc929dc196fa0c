package kit.grader.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The classes the instrumenter needs to know about without loading them: the ones it instruments (read from their
 * class files) and the JDK's and the grader's (read from a class loader's resources). For frames (the common
 * superclass of two types), for a field's declaring class and flags, and for the class that declares a method.
 */
final class ClassHierarchy {
    record Info(String name, String superName, List<String> interfaces, boolean isInterface,
            Map<String, Integer> fieldAccess, Set<String> methods) {}

    private final Map<String, Path> local;
    private final ClassLoader loader;
    private final Map<String, Info> cache = new HashMap<>();

    /** {@code local}: the class files to instrument, by internal name; others come from {@code loader}. */
    ClassHierarchy(Map<String, Path> local, ClassLoader loader) {
        this.local = local;
        this.loader = loader;
    }

    boolean isLocal(String internalName) {
        return local.containsKey(internalName);
    }

    /** The class, or null if it cannot be found. */
    synchronized Info info(String internalName) {
        if (internalName == null || internalName.startsWith("[")) {
            return null;
        }
        if (cache.containsKey(internalName)) {
            return cache.get(internalName);
        }
        Info info = null;
        try {
            byte[] bytes = null;
            Path file = local.get(internalName);
            if (file != null) {
                bytes = Files.readAllBytes(file);
            } else {
                try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
                    if (in != null) {
                        bytes = in.readAllBytes();
                    }
                }
            }
            if (bytes != null) {
                info = read(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cache.put(internalName, info);
        return info;
    }

    private static Info read(byte[] bytes) {
        Map<String, Integer> fields = new HashMap<>();
        Set<String> methods = new HashSet<>();
        Info[] result = new Info[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            String name;
            String superName;
            List<String> interfaces;
            boolean isInterface;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                this.name = name;
                this.superName = superName;
                this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
                this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                fields.put(name, access);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                methods.add(name + descriptor);
                return null;
            }

            @Override
            public void visitEnd() {
                result[0] = new Info(name, superName, interfaces, isInterface, fields, methods);
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return result[0];
    }

    /** The class that declares field {@code name} seen from {@code owner} (itself or a superclass/interface). */
    String fieldOwner(String owner, String name) {
        for (String c = owner; c != null;) {
            Info info = info(c);
            if (info == null) {
                return null;
            }
            if (info.fieldAccess().containsKey(name)) {
                return c;
            }
            for (String i : info.interfaces()) {
                String found = fieldOwner(i, name);
                if (found != null) {
                    return found;
                }
            }
            c = info.superName();
        }
        return null;
    }

    int fieldAccess(String declaringClass, String name) {
        Info info = info(declaringClass);
        return info == null ? 0 : info.fieldAccess().getOrDefault(name, 0);
    }

    /**
     * For a call of {@code name+desc} on {@code owner}: the first class, from {@code owner} up, that is not one of the
     * instrumented classes - or null if an instrumented class declares the method (the learner's own code, which
     * is instrumented itself).
     */
    String firstOutsideOwner(String owner, String name, String desc) {
        String c = owner;
        while (c != null && isLocal(c)) {
            Info info = info(c);
            if (info == null || info.methods().contains(name + desc)) {
                return null;
            }
            for (String i : info.interfaces()) {
                if (isLocal(i) && declaresInHierarchy(i, name + desc)) {
                    return null;
                }
            }
            c = info.superName();
        }
        return c;
    }

    private boolean declaresInHierarchy(String c, String method) {
        Info info = info(c);
        if (info == null) {
            return false;
        }
        if (info.methods().contains(method)) {
            return true;
        }
        for (String i : info.interfaces()) {
            if (isLocal(i) && declaresInHierarchy(i, method)) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code sub} is {@code type} or extends or implements it. */
    boolean isSubtype(String sub, String type) {
        if (sub == null) {
            return false;
        }
        if (sub.equals(type)) {
            return true;
        }
        Info info = info(sub);
        if (info == null) {
            return false;
        }
        for (String i : info.interfaces()) {
            if (isSubtype(i, type)) {
                return true;
            }
        }
        return isSubtype(info.superName(), type);
    }

    /** For frames: the nearest common superclass (an interface meets anything at Object). */
    String commonSuperClass(String a, String b) {
        if (isSubtype(b, a)) {
            return a;
        }
        if (isSubtype(a, b)) {
            return b;
        }
        Info ia = info(a);
        Info ib = info(b);
        if (ia == null || ib == null || ia.isInterface() || ib.isInterface()) {
            return "java/lang/Object";
        }
        List<String> supers = new ArrayList<>();
        for (String c = a; c != null; c = info(c) == null ? null : info(c).superName()) {
            supers.add(c);
        }
        for (String c : supers) {
            if (isSubtype(b, c)) {
                return c;
            }
        }
        return "java/lang/Object";
    }
}
