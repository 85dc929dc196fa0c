package kit.grader.instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import kit.grader.race.Kind;
import kit.grader.race.Sites;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Instruments compiled classes for the race detector, after javac and into another folder, with ASM: each access,
 * synchronization and hand-off calls {@code kit.grader.race.Hooks}.
 *
 * <ul>
 *   <li><b>Learner mode</b> (the learner's classes): reads and writes of fields (final ones are never raced) and of
 *   array elements; calls on {@code java.util} collections as reads or writes of the collection; plain-mode atomics
 *   and VarHandles; and everything of harness mode.
 *   <li><b>Harness mode</b> (the checks compiled beside them): only synchronization - {@code synchronized}, wait,
 *   volatile fields, thread start and join, {@code java.util.concurrent} calls - so that the checks' threads and
 *   hand-offs are ordered; their own field accesses are not recorded.
 * </ul>
 *
 * A call into the JDK that the detector models goes through a small static bridge method added to the calling class
 * ({@code race$N}), which calls the hooks before and after it (and when it throws) and wraps the functional arguments
 * that are handed to other threads. Method references to such methods ({@code Thread::start}, {@code lock::lock})
 * are pointed at a bridge too.
 */
public final class Instrumenter {
    public enum Mode { LEARNER, HARNESS }

    private static final String HOOKS = "kit/grader/race/Hooks";
    private static final String LMF = "java/lang/invoke/LambdaMetafactory";

    private final ClassHierarchy hierarchy;
    private final Set<String> learner;
    private int nextSite;
    private int nextField = 1;
    private int nextClass;
    private final Map<String, Integer> fieldIds = new HashMap<>();
    private final Map<String, Integer> classIds = new HashMap<>();

    private Instrumenter(ClassHierarchy hierarchy, Set<String> learner, int firstSite) {
        this.hierarchy = hierarchy;
        this.learner = learner;
        this.nextSite = firstSite;
    }

    /**
     * Instruments every class file under {@code classesDir} into {@code outDir} (same relative paths; other files
     * are copied): the classes named in {@code learnerClasses} (internal names, {@code counter/ThreadSafeCounter})
     * in learner mode, the others in harness mode. {@code resolver} finds the JDK's and the libraries' classes.
     * Site ids start at {@code firstSite}, so that two instrumented sets can share a JVM.
     */
    public static void instrument(Path classesDir, Path outDir, Set<String> learnerClasses, ClassLoader resolver,
            int firstSite) {
        Map<String, Path> files = new TreeMap<>();
        List<Path> others = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classesDir)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = classesDir.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(".class")) {
                    files.put(relative.substring(0, relative.length() - ".class".length()), file);
                } else {
                    others.add(file);
                }
            });
            Instrumenter instrumenter = new Instrumenter(new ClassHierarchy(files, resolver), learnerClasses,
                    firstSite);
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Mode mode = learnerClasses.contains(file.getKey()) ? Mode.LEARNER : Mode.HARNESS;
                byte[] out = instrumenter.transform(Files.readAllBytes(file.getValue()), mode);
                Path target = outDir.resolve(classesDir.relativize(file.getValue()).toString());
                Files.createDirectories(target.getParent());
                Files.write(target, out);
            }
            for (Path file : others) {
                Path target = outDir.resolve(classesDir.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- one class ----

    private byte[] transform(byte[] bytes, Mode mode) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES);
        if ((cn.access & Opcodes.ACC_MODULE) != 0 || cn.name.equals("module-info")) {
            return bytes;
        }
        ClassContext ctx = new ClassContext(cn, mode);
        for (MethodNode m : new ArrayList<>(cn.methods)) {
            if (m.instructions.size() > 0) {
                new MethodTransform(ctx, m).run();
            }
        }
        cn.methods.addAll(ctx.bridges.values());
        StringBuilder table = ctx.table;
        if (mode == Mode.LEARNER) {
            int classId = classId(cn.name);
            table.append(Sites.encodeClass(cn.name.replace('/', '.'), classId));
            for (FieldNode f : cn.fields) {
                table.append(Sites.encode(new Sites.Field(fieldId(cn.name, f.name), cn.name.replace('/', '.'), f.name,
                        (f.access & Opcodes.ACC_VOLATILE) != 0, (f.access & Opcodes.ACC_STATIC) != 0)));
            }
        }
        if (table.length() > 0 || mode == Mode.LEARNER) {
            addToStaticInitializer(cn, table.toString(), mode == Mode.LEARNER);
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return hierarchy.commonSuperClass(a, b);
            }
        };
        cn.accept(cw);
        return cw.toByteArray();
    }

    /** Registers the class's sites first thing in its static initializer; a learner class's end is a release. */
    private void addToStaticInitializer(ClassNode cn, String table, boolean release) {
        MethodNode clinit = cn.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst().orElse(null);
        if (clinit == null) {
            clinit = new MethodNode(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.instructions.add(new InsnNode(Opcodes.RETURN));
            cn.methods.add(clinit);
        }
        InsnList prologue = new InsnList();
        for (int from = 0; from < table.length(); from += 16_000) { // a constant string holds 64 KB at most
            prologue.add(new LdcInsnNode(table.substring(from, Math.min(table.length(), from + 16_000))));
            prologue.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "register", "(Ljava/lang/String;)V", false));
        }
        clinit.instructions.insert(prologue);
        if (release) {
            for (AbstractInsnNode insn : clinit.instructions.toArray()) {
                if (insn.getOpcode() == Opcodes.RETURN) {
                    InsnList end = new InsnList();
                    end.add(new LdcInsnNode(Type.getObjectType(cn.name)));
                    end.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "classInitialized", "(Ljava/lang/Class;)V",
                            false));
                    clinit.instructions.insertBefore(insn, end);
                }
            }
        }
    }

    private int fieldId(String declaringClass, String name) {
        return fieldIds.computeIfAbsent(declaringClass + "." + name, k -> nextField++);
    }

    private int classId(String name) {
        return classIds.computeIfAbsent(name, k -> nextClass++);
    }

    /** What one class gets: its site table and its bridges. */
    private final class ClassContext {
        final ClassNode cn;
        final Mode mode;
        final StringBuilder table = new StringBuilder();
        final Map<String, MethodNode> bridges = new TreeMap<>();
        final String simpleName;

        ClassContext(ClassNode cn, Mode mode) {
            this.cn = cn;
            this.mode = mode;
            String simple = cn.name.substring(cn.name.lastIndexOf('/') + 1);
            this.simpleName = simple.substring(simple.lastIndexOf('$') + 1);
        }

        boolean learnerMode() {
            return mode == Mode.LEARNER;
        }

        int site(Sites.Kind kind, String method, int line, String variable, String detail) {
            int id = nextSite++;
            table.append(Sites.encode(new Sites.Site(id, kind, cn.name.replace('/', '.'), cn.sourceFile, method, line,
                    clean(variable), clean(detail))));
            return id;
        }

        private static String clean(String text) {
            return text == null ? null : text.replace('\t', ' ').replace('\n', ' ');
        }
    }

    // ---- one method ----

    private final class MethodTransform {
        private final ClassContext ctx;
        private final MethodNode m;
        private final Map<AbstractInsnNode, Frame<SourceValue>> frames = new IdentityHashMap<>();
        private int line;
        private AbstractInsnNode superCall;

        MethodTransform(ClassContext ctx, MethodNode m) {
            this.ctx = ctx;
            this.m = m;
        }

        void run() {
            try {
                Frame<SourceValue>[] computed = new Analyzer<>(new SourceInterpreter()).analyze(ctx.cn.name, m);
                AbstractInsnNode[] insns = m.instructions.toArray();
                for (int i = 0; i < insns.length; i++) {
                    if (computed[i] != null) {
                        frames.put(insns[i], computed[i]);
                    }
                }
            } catch (AnalyzerException e) {
                // no descriptions of receivers; the instrumentation itself does not need them
            }
            if (m.name.equals("<init>")) {
                superCall = findSuperCall();
            }
            boolean beforeSuper = superCall != null;
            for (AbstractInsnNode insn : m.instructions.toArray()) {
                if (insn instanceof LineNumberNode ln) {
                    line = ln.line;
                }
                if (insn == superCall) {
                    beforeSuper = false;
                }
                switch (insn.getOpcode()) {
                    case Opcodes.GETFIELD, Opcodes.PUTFIELD, Opcodes.GETSTATIC, Opcodes.PUTSTATIC ->
                            field((FieldInsnNode) insn, beforeSuper);
                    case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD,
                            Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> arrayLoad(insn);
                    case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE,
                            Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> arrayStore(insn);
                    case Opcodes.MONITORENTER -> monitorEnter(insn);
                    case Opcodes.MONITOREXIT -> monitorExit(insn);
                    case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE, Opcodes.INVOKESTATIC ->
                            call((MethodInsnNode) insn);
                    case Opcodes.INVOKESPECIAL -> {
                        MethodInsnNode mi = (MethodInsnNode) insn;
                        if (mi.name.equals("<init>")) {
                            constructor(mi, insn == superCall);
                        }
                    }
                    case Opcodes.INVOKEDYNAMIC -> lambda((InvokeDynamicInsnNode) insn);
                    case Opcodes.NEW -> firstUse(insn, ((TypeInsnNode) insn).desc);
                    default -> { }
                }
            }
            if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                synchronizedMethod();
            }
        }

        /** In a constructor: the call of super(...) or this(...) on the object being made. */
        private AbstractInsnNode findSuperCall() {
            for (AbstractInsnNode insn : m.instructions.toArray()) {
                if (insn instanceof MethodInsnNode mi && mi.getOpcode() == Opcodes.INVOKESPECIAL
                        && mi.name.equals("<init>")) {
                    AbstractInsnNode receiver = producer(insn, Type.getArgumentTypes(mi.desc).length);
                    if (receiver instanceof VarInsnNode v && v.var == 0 && v.getOpcode() == Opcodes.ALOAD) {
                        return insn;
                    }
                }
            }
            return null;
        }

        private int newLocal(Type type) {
            int index = m.maxLocals;
            m.maxLocals += type.getSize();
            return index;
        }

        private InsnList list(AbstractInsnNode... insns) {
            InsnList list = new InsnList();
            for (AbstractInsnNode insn : insns) {
                list.add(insn);
            }
            return list;
        }

        private MethodInsnNode hook(String name, String desc) {
            return new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, name, desc, false);
        }

        // ---- fields ----

        private void field(FieldInsnNode fi, boolean beforeSuper) {
            String declaring = hierarchy.fieldOwner(fi.owner, fi.name);
            if (declaring == null || !hierarchy.isLocal(declaring)) {
                return; // a JDK class's field (System.out): not the learner's state
            }
            int access = hierarchy.fieldAccess(declaring, fi.name);
            boolean isStatic = fi.getOpcode() == Opcodes.GETSTATIC || fi.getOpcode() == Opcodes.PUTSTATIC;
            boolean write = fi.getOpcode() == Opcodes.PUTFIELD || fi.getOpcode() == Opcodes.PUTSTATIC;
            if (isStatic && !declaring.equals(ctx.cn.name) && learner.contains(declaring)) {
                firstUse(fi, declaring);
            }
            if ((access & Opcodes.ACC_FINAL) != 0) {
                return; // final fields are never raced (JLS 17.5)
            }
            boolean isVolatile = (access & Opcodes.ACC_VOLATILE) != 0;
            if (!isVolatile && !ctx.learnerMode()) {
                return;
            }
            if (!isStatic && beforeSuper && producer(fi, write ? 1 : 0) instanceof VarInsnNode v && v.var == 0) {
                return; // the object is not made yet: 'this' cannot be passed on
            }
            int id = fieldId(declaring, fi.name);
            Type type = Type.getType(fi.desc);
            InsnList before = new InsnList();
            InsnList after = new InsnList();
            if (isVolatile) {
                if (isStatic) {
                    if (write) {
                        before.add(list(new LdcInsnNode(Type.getObjectType(declaring)), intConst(id),
                                hook("volatileWrite", "(Ljava/lang/Object;I)V")));
                    } else {
                        after.add(list(new LdcInsnNode(Type.getObjectType(declaring)), intConst(id),
                                hook("volatileRead", "(Ljava/lang/Object;I)V")));
                    }
                } else if (write) {
                    int value = newLocal(type);
                    before.add(list(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), value), new InsnNode(Opcodes.DUP),
                            intConst(id), hook("volatileWrite", "(Ljava/lang/Object;I)V"),
                            new VarInsnNode(type.getOpcode(Opcodes.ILOAD), value)));
                } else {
                    int value = newLocal(type);
                    before.add(new InsnNode(Opcodes.DUP));
                    after.add(list(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), value), intConst(id),
                            hook("volatileRead", "(Ljava/lang/Object;I)V"),
                            new VarInsnNode(type.getOpcode(Opcodes.ILOAD), value)));
                }
            } else {
                int site = ctx.site(Sites.Kind.FIELD, m.name, line, fi.name, simple(declaring));
                String desc = "(Ljava/lang/Object;II)V";
                String name = write ? "write" : "read";
                if (isStatic) {
                    before.add(list(new LdcInsnNode(Type.getObjectType(declaring)), intConst(id), intConst(site),
                            hook(name, desc)));
                } else if (write) {
                    int value = newLocal(type);
                    before.add(list(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), value), new InsnNode(Opcodes.DUP),
                            intConst(id), intConst(site), hook(name, desc),
                            new VarInsnNode(type.getOpcode(Opcodes.ILOAD), value)));
                } else {
                    before.add(list(new InsnNode(Opcodes.DUP), intConst(id), intConst(site), hook(name, desc)));
                }
            }
            m.instructions.insertBefore(fi, before);
            m.instructions.insert(fi, after);
        }

        // ---- arrays ----

        private void arrayLoad(AbstractInsnNode insn) {
            if (!ctx.learnerMode()) {
                return;
            }
            int site = ctx.site(Sites.Kind.ARRAY, m.name, line, describeOr(insn, 1, ""), null);
            m.instructions.insertBefore(insn, list(new InsnNode(Opcodes.DUP2), intConst(site),
                    hook("readElement", "(Ljava/lang/Object;II)V")));
        }

        private void arrayStore(AbstractInsnNode insn) {
            if (!ctx.learnerMode()) {
                return;
            }
            Type type = switch (insn.getOpcode()) {
                case Opcodes.LASTORE -> Type.LONG_TYPE;
                case Opcodes.FASTORE -> Type.FLOAT_TYPE;
                case Opcodes.DASTORE -> Type.DOUBLE_TYPE;
                case Opcodes.AASTORE -> Type.getType(Object.class);
                default -> Type.INT_TYPE;
            };
            int site = ctx.site(Sites.Kind.ARRAY, m.name, line, describeOr(insn, 2, ""), null);
            int value = newLocal(type);
            m.instructions.insertBefore(insn, list(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), value),
                    new InsnNode(Opcodes.DUP2), intConst(site), hook("writeElement", "(Ljava/lang/Object;II)V"),
                    new VarInsnNode(type.getOpcode(Opcodes.ILOAD), value)));
        }

        // ---- monitors ----

        private void monitorEnter(AbstractInsnNode insn) {
            int site = ctx.site(Sites.Kind.LOCK, m.name, line, describeOr(insn, 0, "a lock"), null);
            m.instructions.insertBefore(insn, new InsnNode(Opcodes.DUP));
            m.instructions.insert(insn, list(intConst(site), hook("monitorEnter", "(Ljava/lang/Object;I)V")));
        }

        private void monitorExit(AbstractInsnNode insn) {
            m.instructions.insertBefore(insn, list(new InsnNode(Opcodes.DUP),
                    hook("monitorExit", "(Ljava/lang/Object;)V")));
        }

        private void synchronizedMethod() {
            boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
            String name = ctx.simpleName + (isStatic ? ".class" : ".this");
            int site = ctx.site(Sites.Kind.LOCK, m.name, firstLine(), name, null);
            for (AbstractInsnNode insn : m.instructions.toArray()) {
                int op = insn.getOpcode();
                if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                    m.instructions.insertBefore(insn, list(monitorObject(isStatic),
                            hook("monitorExit", "(Ljava/lang/Object;)V")));
                }
            }
            LabelNode start = new LabelNode();
            LabelNode handler = new LabelNode();
            m.instructions.insert(list(monitorObject(isStatic), intConst(site),
                    hook("monitorEnter", "(Ljava/lang/Object;I)V"), start));
            m.instructions.add(list(handler, monitorObject(isStatic), hook("monitorExit", "(Ljava/lang/Object;)V"),
                    new InsnNode(Opcodes.ATHROW)));
            m.tryCatchBlocks.add(new TryCatchBlockNode(start, handler, handler, null));
        }

        private AbstractInsnNode monitorObject(boolean isStatic) {
            return isStatic ? new LdcInsnNode(Type.getObjectType(ctx.cn.name)) : new VarInsnNode(Opcodes.ALOAD, 0);
        }

        private int firstLine() {
            for (AbstractInsnNode insn : m.instructions.toArray()) {
                if (insn instanceof LineNumberNode ln) {
                    return ln.line;
                }
            }
            return line;
        }

        // ---- class initialization ----

        private void firstUse(AbstractInsnNode insn, String type) {
            if (type.equals(ctx.cn.name) || !learner.contains(type)) {
                return;
            }
            m.instructions.insertBefore(insn, list(new LdcInsnNode(Type.getObjectType(type)), intConst(classId(type)),
                    hook("firstUse", "(Ljava/lang/Class;I)V")));
        }

        // ---- calls ----

        private void call(MethodInsnNode mi) {
            if (mi.getOpcode() == Opcodes.INVOKESTATIC) {
                firstUse(mi, mi.owner);
            }
            int kind = Calls.classify(mi.getOpcode(), effectiveOwner(mi), mi.name, mi.desc, ctx.learnerMode());
            if (kind < 0) {
                return;
            }
            int args = Type.getArgumentTypes(mi.desc).length;
            int site = callSite(kind, mi, mi.getOpcode() == Opcodes.INVOKESTATIC ? -1 : args);
            MethodNode bridge = bridge(kind, mi.getOpcode(), mi.owner, mi.name, mi.desc, mi.itf, -1);
            m.instructions.insertBefore(mi, intConst(site));
            m.instructions.set(mi, new MethodInsnNode(Opcodes.INVOKESTATIC, ctx.cn.name, bridge.name, bridge.desc,
                    isInterface(ctx.cn)));
        }

        /** The owner to classify by: a JDK class the call reaches through one of the learner's classes. */
        private String effectiveOwner(MethodInsnNode mi) {
            if (mi.owner.startsWith("[") || !hierarchy.isLocal(mi.owner)) {
                return mi.owner;
            }
            return hierarchy.firstOutsideOwner(mi.owner, mi.name, mi.desc);
        }

        private int callSite(int kind, MethodInsnNode mi, int receiverDepth) {
            String receiver = receiverDepth >= 0 ? describe(mi, receiverDepth) : null;
            Sites.Kind siteKind;
            String variable;
            String detail = mi.name;
            switch (kind) {
                case Kind.UTIL_READ, Kind.UTIL_WRITE, Kind.UTIL_VIEW, Kind.UTIL_ENTRY -> {
                    siteKind = Sites.Kind.COLLECTION;
                    variable = receiver != null ? receiver : "";
                    detail = mi.name + "()";
                }
                case Kind.COLLECTION_ARGS, Kind.COLLECTION_ARG0_WRITE -> {
                    siteKind = Sites.Kind.COLLECTION;
                    int collectionArg = firstCollectionArg(mi.desc);
                    String arg = collectionArg >= 0 ? describe(mi, Type.getArgumentTypes(mi.desc).length - 1
                            - collectionArg) : null;
                    variable = arg != null ? arg : "";
                    detail = simple(mi.owner) + "." + mi.name + "()";
                }
                case Kind.AT_PLAIN_GET, Kind.AT_PLAIN_SET, Kind.VH_PLAIN_GET, Kind.VH_PLAIN_SET -> {
                    siteKind = Sites.Kind.PLAIN_MODE;
                    variable = (receiver != null ? receiver : simple(mi.owner)) + "." + mi.name + "()";
                }
                case Kind.ARRAYCOPY, Kind.ARRAY_READ_ALL, Kind.ARRAY_READ_RANGE, Kind.ARRAY_WRITE_ALL,
                        Kind.ARRAY_WRITE_RANGE -> {
                    siteKind = Sites.Kind.ARRAY;
                    String array = mi.getOpcode() == Opcodes.INVOKESTATIC
                            ? describe(mi, Type.getArgumentTypes(mi.desc).length - 1) : receiver;
                    variable = array != null ? array : "";
                }
                default -> {
                    siteKind = Sites.Kind.LOCK;
                    variable = receiver != null ? receiver : simple(mi.owner);
                }
            }
            return ctx.site(siteKind, m.name, line, variable, detail);
        }

        private void constructor(MethodInsnNode mi, boolean isSuperCall) {
            if (hierarchy.isLocal(mi.owner)) {
                return;
            }
            Type[] params = Type.getArgumentTypes(mi.desc);
            int kind = -1;
            if (mi.owner.equals("java/lang/Thread")) {
                kind = Kind.THREAD_BODY;
            } else if (mi.owner.equals("java/util/concurrent/FutureTask")) {
                kind = Kind.SUBMIT;
            }
            boolean collections = ctx.learnerMode() && firstCollectionArg(mi.desc) >= 0;
            if (kind < 0 && !collections) {
                return;
            }
            int site = ctx.site(Sites.Kind.COLLECTION, m.name, line, "", "new " + simple(mi.owner) + "()");
            int[] locals = new int[params.length];
            InsnList before = new InsnList();
            for (int i = params.length - 1; i >= 0; i--) {
                locals[i] = newLocal(params[i]);
                before.add(new VarInsnNode(params[i].getOpcode(Opcodes.ISTORE), locals[i]));
            }
            for (int i = 0; i < params.length; i++) {
                before.add(new VarInsnNode(params[i].getOpcode(Opcodes.ILOAD), locals[i]));
                String type = params[i].getSort() == Type.OBJECT ? params[i].getInternalName() : null;
                if (kind >= 0 && type != null && Kind.wrappable(type)) {
                    before.add(list(new LdcInsnNode(type), intConst(kind), new InsnNode(Opcodes.ACONST_NULL),
                            intConst(site), hook("wrap",
                                    "(Ljava/lang/Object;Ljava/lang/String;ILjava/lang/Object;I)Ljava/lang/Object;"),
                            new TypeInsnNode(Opcodes.CHECKCAST, type)));
                } else if (collections && type != null && Calls.isCollectionType(type)) {
                    before.add(list(new InsnNode(Opcodes.DUP), intConst(site),
                            hook("collectionArg", "(Ljava/lang/Object;I)V")));
                }
            }
            m.instructions.insertBefore(mi, before);
            if (kind == Kind.SUBMIT && !isSuperCall) {
                m.instructions.insert(mi, list(new InsnNode(Opcodes.DUP),
                        hook("constructed", "(Ljava/lang/Object;)V")));
            }
        }

        private void lambda(InvokeDynamicInsnNode indy) {
            if (!indy.bsm.getOwner().equals(LMF) || indy.bsmArgs.length < 2 || !(indy.bsmArgs[1] instanceof Handle h)) {
                return;
            }
            int opcode = switch (h.getTag()) {
                case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
                case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                case Opcodes.H_NEWINVOKESPECIAL -> Opcodes.INVOKESPECIAL;
                default -> -1;
            };
            if (opcode < 0 || hierarchy.isLocal(h.getOwner()) && opcode != Opcodes.INVOKEVIRTUAL
                    && opcode != Opcodes.INVOKEINTERFACE) {
                return;
            }
            int kind;
            if (opcode == Opcodes.INVOKESPECIAL) {
                kind = h.getOwner().equals("java/lang/Thread") ? Kind.THREAD_BODY
                        : h.getOwner().equals("java/util/concurrent/FutureTask") ? Kind.SUBMIT : -1;
            } else {
                String owner = hierarchy.isLocal(h.getOwner())
                        ? hierarchy.firstOutsideOwner(h.getOwner(), h.getName(), h.getDesc()) : h.getOwner();
                kind = Calls.classify(opcode, owner, h.getName(), h.getDesc(), ctx.learnerMode());
            }
            if (kind < 0) {
                return;
            }
            int site = ctx.site(Sites.Kind.LOCK, m.name, line, simple(h.getOwner()) + "::" + h.getName(), h.getName());
            MethodNode bridge = bridge(kind, opcode, h.getOwner(), h.getName(), h.getDesc(), h.isInterface(), site);
            Object[] args = indy.bsmArgs.clone();
            args[1] = new Handle(Opcodes.H_INVOKESTATIC, ctx.cn.name, bridge.name, bridge.desc, isInterface(ctx.cn));
            indy.bsmArgs = args;
        }

        // ---- receivers described in the learner's words ----

        /** The instruction that produced the stack value {@code depth} below the top before {@code insn}. */
        private AbstractInsnNode producer(AbstractInsnNode insn, int depth) {
            Frame<SourceValue> frame = frames.get(insn);
            if (frame == null || frame.getStackSize() <= depth) {
                return null;
            }
            SourceValue value = frame.getStack(frame.getStackSize() - 1 - depth);
            return value.insns.size() == 1 ? value.insns.iterator().next() : null;
        }

        private String describeOr(AbstractInsnNode insn, int depth, String otherwise) {
            String described = describe(insn, depth);
            return described != null ? described : otherwise;
        }

        /** "lock", "ThreadSafeCounter.this", "Counter.class", "rw.readLock()", or null. */
        private String describe(AbstractInsnNode insn, int depth) {
            return describeValue(producer(insn, depth), 0);
        }

        private String describeValue(AbstractInsnNode p, int level) {
            if (p == null || level > 4) {
                return null;
            }
            return switch (p.getOpcode()) {
                case Opcodes.ALOAD -> {
                    int var = ((VarInsnNode) p).var;
                    if (var == 0 && (m.access & Opcodes.ACC_STATIC) == 0) {
                        yield ctx.simpleName + ".this";
                    }
                    Frame<SourceValue> frame = frames.get(p);
                    if (frame == null) {
                        yield null;
                    }
                    SourceValue local = frame.getLocal(var);
                    yield local.insns.size() == 1 && local.insns.iterator().next().getOpcode() == Opcodes.ASTORE
                            ? describeValue(producer(local.insns.iterator().next(), 0), level + 1) : null;
                }
                case Opcodes.GETFIELD -> ((FieldInsnNode) p).name;
                case Opcodes.GETSTATIC -> simple(((FieldInsnNode) p).owner) + "." + ((FieldInsnNode) p).name;
                case Opcodes.LDC -> ((LdcInsnNode) p).cst instanceof Type t ? simple(t.getInternalName()) + ".class"
                        : null;
                case Opcodes.DUP, Opcodes.CHECKCAST -> describeValue(producer(p, 0), level + 1);
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE -> {
                    MethodInsnNode call = (MethodInsnNode) p;
                    if (Type.getArgumentTypes(call.desc).length > 0) {
                        yield null;
                    }
                    String receiver = describeValue(producer(p, 0), level + 1);
                    yield receiver == null ? null : receiver + "." + call.name + "()";
                }
                default -> null;
            };
        }

        // ---- bridges ----

        /**
         * The bridge for a call: a static method of this class with the call's receiver and arguments as
         * parameters (then the site, unless {@code bakedSite} is given - a method reference's bridge takes exactly
         * the call's parameters) that calls the hooks around the call.
         */
        private MethodNode bridge(int kind, int opcode, String owner, String name, String desc, boolean itf,
                int bakedSite) {
            String key = kind + " " + opcode + " " + owner + " " + name + desc + " " + bakedSite;
            MethodNode existing = ctx.bridges.get(key);
            if (existing != null) {
                return existing;
            }
            boolean ctor = opcode == Opcodes.INVOKESPECIAL;
            boolean instance = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
            Type[] params = Type.getArgumentTypes(desc);
            Type ret = ctor ? Type.getObjectType(owner) : Type.getReturnType(desc);
            List<Type> bridgeParams = new ArrayList<>();
            if (instance) {
                bridgeParams.add(owner.startsWith("[") ? Type.getType(owner) : Type.getObjectType(owner));
            }
            bridgeParams.addAll(List.of(params));
            if (bakedSite < 0) {
                bridgeParams.add(Type.INT_TYPE);
            }
            String bridgeDesc = Type.getMethodDescriptor(ret, bridgeParams.toArray(Type[]::new));
            int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                    | (isInterface(ctx.cn) && ctx.cn.version < Opcodes.V9 ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE);
            MethodNode b = new MethodNode(access, "race$" + ctx.bridges.size(), bridgeDesc, null, null);
            InsnList code = b.instructions;
            int[] slots = new int[bridgeParams.size()];
            int next = 0;
            for (int i = 0; i < bridgeParams.size(); i++) {
                slots[i] = next;
                next += bridgeParams.get(i).getSize();
            }
            int argsLocal = next++;
            int resultLocal = next;
            next += Math.max(ret.getSize(), 1);
            int thrownLocal = next++;
            int first = instance ? 1 : 0;
            AbstractInsnNode[] siteInsn = {bakedSite >= 0 ? intConst(bakedSite)
                    : new VarInsnNode(Opcodes.ILOAD, slots[slots.length - 1])};
            // functional arguments handed on
            if (Calls.wrapsArguments(kind)) {
                for (int i = 0; i < params.length; i++) {
                    if (params[i].getSort() != Type.OBJECT) {
                        continue;
                    }
                    String type = params[i].getInternalName();
                    int slot = slots[first + i];
                    if (kind == Kind.INVOKE_ALL && type.equals("java/util/Collection")) {
                        code.add(list(new VarInsnNode(Opcodes.ALOAD, slot), intConst(kind), receiver(instance),
                                site(siteInsn), hook("wrapAll",
                                        "(Ljava/lang/Object;ILjava/lang/Object;I)Ljava/lang/Object;"),
                                new TypeInsnNode(Opcodes.CHECKCAST, type), new VarInsnNode(Opcodes.ASTORE, slot)));
                    } else if (Kind.wrappable(type) || type.startsWith("java/util/function/")) {
                        code.add(list(new VarInsnNode(Opcodes.ALOAD, slot), new LdcInsnNode(type), intConst(kind),
                                receiver(instance), site(siteInsn), hook("wrap",
                                        "(Ljava/lang/Object;Ljava/lang/String;ILjava/lang/Object;I)Ljava/lang/Object;"),
                                new TypeInsnNode(Opcodes.CHECKCAST, type), new VarInsnNode(Opcodes.ASTORE, slot)));
                    }
                }
            }
            // the arguments, for the hooks that need them
            if (Kind.needsArgs(kind)) {
                code.add(list(intConst(params.length), new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object")));
                for (int i = 0; i < params.length; i++) {
                    code.add(list(new InsnNode(Opcodes.DUP), intConst(i),
                            new VarInsnNode(params[i].getOpcode(Opcodes.ILOAD), slots[first + i])));
                    box(code, params[i]);
                    code.add(new InsnNode(Opcodes.AASTORE));
                }
            } else {
                code.add(new InsnNode(Opcodes.ACONST_NULL));
            }
            code.add(new VarInsnNode(Opcodes.ASTORE, argsLocal));
            code.add(list(intConst(kind), receiver(instance), new VarInsnNode(Opcodes.ALOAD, argsLocal),
                    site(siteInsn), hook("before", "(ILjava/lang/Object;[Ljava/lang/Object;I)V")));
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            code.add(start);
            if (ctor) {
                code.add(list(new TypeInsnNode(Opcodes.NEW, owner), new InsnNode(Opcodes.DUP)));
            } else if (instance) {
                code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            }
            for (int i = 0; i < params.length; i++) {
                code.add(new VarInsnNode(params[i].getOpcode(Opcodes.ILOAD), slots[first + i]));
            }
            code.add(new MethodInsnNode(opcode, owner, ctor ? "<init>" : name, desc, itf));
            if (ret.getSort() != Type.VOID) {
                code.add(new VarInsnNode(ret.getOpcode(Opcodes.ISTORE), resultLocal));
            }
            code.add(end);
            code.add(list(intConst(kind), receiver(instance), new VarInsnNode(Opcodes.ALOAD, argsLocal)));
            if (ret.getSort() != Type.VOID && Kind.needsResult(kind)) {
                code.add(new VarInsnNode(ret.getOpcode(Opcodes.ILOAD), resultLocal));
                box(code, ret);
            } else {
                code.add(new InsnNode(Opcodes.ACONST_NULL));
            }
            code.add(list(site(siteInsn), hook("after",
                    "(ILjava/lang/Object;[Ljava/lang/Object;Ljava/lang/Object;I)V")));
            if (ctor && kind == Kind.SUBMIT) {
                code.add(list(new VarInsnNode(Opcodes.ALOAD, resultLocal),
                        hook("constructed", "(Ljava/lang/Object;)V")));
            }
            if (ret.getSort() == Type.VOID) {
                code.add(new InsnNode(Opcodes.RETURN));
            } else {
                code.add(list(new VarInsnNode(ret.getOpcode(Opcodes.ILOAD), resultLocal),
                        new InsnNode(ret.getOpcode(Opcodes.IRETURN))));
            }
            code.add(list(handler, new VarInsnNode(Opcodes.ASTORE, thrownLocal), intConst(kind), receiver(instance),
                    new VarInsnNode(Opcodes.ALOAD, argsLocal), new VarInsnNode(Opcodes.ALOAD, thrownLocal),
                    site(siteInsn), hook("thrown", "(ILjava/lang/Object;[Ljava/lang/Object;Ljava/lang/Throwable;I)V"),
                    new VarInsnNode(Opcodes.ALOAD, thrownLocal), new InsnNode(Opcodes.ATHROW)));
            b.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, "java/lang/Throwable"));
            b.maxLocals = next;
            b.maxStack = 16;
            ctx.bridges.put(key, b);
            return b;
        }

        private AbstractInsnNode receiver(boolean instance) {
            return instance ? new VarInsnNode(Opcodes.ALOAD, 0) : new InsnNode(Opcodes.ACONST_NULL);
        }

        private AbstractInsnNode site(AbstractInsnNode[] siteInsn) {
            return siteInsn[0] instanceof VarInsnNode v ? new VarInsnNode(Opcodes.ILOAD, v.var) : siteInsn[0].clone(
                    Map.of());
        }
    }

    private static void box(InsnList code, Type type) {
        String boxed = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.BYTE -> "java/lang/Byte";
            case Type.CHAR -> "java/lang/Character";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (boxed != null) {
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, boxed, "valueOf",
                    "(" + type.getDescriptor() + ")L" + boxed + ";", false));
        }
    }

    private static AbstractInsnNode intConst(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        return new LdcInsnNode(value);
    }

    private static boolean isInterface(ClassNode cn) {
        return (cn.access & Opcodes.ACC_INTERFACE) != 0;
    }

    private static String simple(String internalName) {
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    /** The index of the first parameter of a collection type, or -1. */
    private static int firstCollectionArg(String desc) {
        Type[] params = Type.getArgumentTypes(desc);
        for (int i = 0; i < params.length; i++) {
            if (params[i].getSort() == Type.OBJECT && Calls.isCollectionType(params[i].getInternalName())) {
                return i;
            }
        }
        return -1;
    }
}
