package kit.grader.host;

import kit.grader.layout.GraderException;
import kit.grader.layout.KitLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles sources in this JVM with javac, into a directory; errors come back as "file:line: message" text. */
public final class JavaCompiler {
    private JavaCompiler() {}

    /** One compile error: the file it is in, and javac's words with the line of code it points at. */
    public record Error(Path file, String text) {}

    /** Empty when it compiled; otherwise one readable block per error. */
    static List<Error> compile(List<Path> sources, Path outputDir, String classpath, KitLayout paths) {
        return compile(sources, outputDir, classpath, paths, "-proc:none", new HashMap<>());
    }

    /** Like {@link #compile}, and tells which source file each class it wrote came from (by binary name). */
    static List<Error> compile(List<Path> sources, Path outputDir, String classpath, KitLayout paths,
            Map<String, Path> classSources) {
        return compile(sources, outputDir, classpath, paths, "-proc:none", classSources);
    }

    /**
     * Like {@link #compile}, but runs the annotation processors found on the classpath (jcstress generates its test
     * harness with one; JDK 23+ runs processors only when asked with -proc:full).
     */
    public static List<Error> compileWithProcessors(List<Path> sources, Path outputDir, String classpath,
            KitLayout paths) {
        return compile(sources, outputDir, classpath, paths, "-proc:full", new HashMap<>());
    }

    private static List<Error> compile(List<Path> sources, Path outputDir, String classpath, KitLayout paths,
            String processing, Map<String, Path> classSources) {
        javax.tools.JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new GraderException("the grader needs a JDK (with javac), not only a JRE: " + System.getProperty(
                    "java.home"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
                JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
                    @Override
                    public JavaFileObject getJavaFileForOutput(Location location, String className,
                            JavaFileObject.Kind kind, FileObject sibling) throws IOException {
                        if (kind == JavaFileObject.Kind.CLASS && sibling != null) {
                            classSources.put(className, Path.of(sibling.toUri()));
                        }
                        return super.getJavaFileForOutput(location, className, kind, sibling);
                    }
                }) {
            List<Error> unreadable = notUtf8(sources, paths);
            if (!unreadable.isEmpty()) {
                return unreadable;
            }
            List<String> options = List.of("-d", outputDir.toString(), "-classpath", classpath, processing,
                    "-encoding", "UTF-8", "-nowarn", "-Xlint:none");
            List<JavaFileObject> units = new ArrayList<>();
            standard.getJavaFileObjectsFromPaths(sources).forEach(unit -> units.add(withoutByteOrderMark(unit)));
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            List<Error> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
                    errors.add(new Error(file, describe(d, file, paths)));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add(new Error(null, "javac failed without saying why"));
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A source as javac reads it, without the byte-order mark that Windows editors (Notepad) put before the first
     * character of a UTF-8 file: javac takes it for an "illegal character: '\\ufeff'". CRLF line ends need nothing.
     */
    private static JavaFileObject withoutByteOrderMark(JavaFileObject unit) {
        return new ForwardingJavaFileObject<>(unit) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
                CharSequence text = super.getCharContent(ignoreEncodingErrors);
                return text.length() > 0 && text.charAt(0) == '\uFEFF' ? text.subSequence(1, text.length()) : text;
            }
        };
    }

    /**
     * Sources saved as UTF-16 (Notepad's "Unicode", with its byte-order mark), told in one line each: javac, reading
     * UTF-8, would report an illegal character for every other byte.
     */
    private static List<Error> notUtf8(List<Path> sources, KitLayout paths) {
        List<Error> errors = new ArrayList<>();
        for (Path source : sources) {
            byte[] head = new byte[2];
            try (var in = Files.newInputStream(source)) {
                if (in.readNBytes(head, 0, 2) == 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
                        || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
                    errors.add(new Error(source, paths.show(source) + ":1: error: the file is saved as UTF-16"
                            + " (Notepad calls it \"Unicode\"); javac reads UTF-8. Save it as UTF-8 (Notepad: File,"
                            + " Save As, Encoding: UTF-8) and grade again."));
                }
            } catch (IOException e) {
                // javac says what is wrong with a file it cannot read
            }
        }
        return errors;
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d, Path file, KitLayout paths) {
        String where = file == null ? "" : paths.show(file) + ":" + d.getLineNumber() + ": ";
        StringBuilder text = new StringBuilder(where + "error: " + d.getMessage(Locale.ROOT));
        String line = sourceLine(d);
        if (line != null) {
            text.append("\n    ").append(line.stripTrailing());
            if (d.getColumnNumber() > 0) {
                text.append("\n    ").append(" ".repeat((int) d.getColumnNumber() - 1)).append('^');
            }
        }
        return text.toString();
    }

    private static String sourceLine(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getLineNumber() < 1) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(d.getSource().toUri()));
            return d.getLineNumber() <= lines.size() ? lines.get((int) d.getLineNumber() - 1).replace('\t', ' ')
                    : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
