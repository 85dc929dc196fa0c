package kit.grader.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The class path of a check JVM: the grader's, with the grader's own jar replaced by a jar of only the packages that
 * run in a check JVM ({@link #PACKAGES}), so that the grader's side - compiling, launching, reporting, the learner's
 * commands - is not there beside the learner's code. The jar is made once per grader jar, beside it. Where it cannot
 * be made (a folder that cannot be written, the grader's classes in a folder rather than a jar), the grader's class
 * path is used as it is.
 */
public final class CheckJvmClasses {
    /** The grader's packages that run in a check JVM, as folders of a jar. */
    public static final List<String> PACKAGES = List.of("kit/grader/api/", "kit/grader/runner/",
            "kit/grader/race/");
    private static final String MARKER = "kit/grader/runner/CheckRunner.class";

    private CheckJvmClasses() {}

    /** {@code graderClassPath} with the grader's jar replaced by the check JVM's part of it. */
    static synchronized String classPath(String graderClassPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : graderClassPath.split(File.pathSeparator)) {
            entries.add(entry.endsWith(".jar") ? checkJvmPart(Path.of(entry)) : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The jar of the check JVM's packages, when {@code jar} is the grader's own; else {@code jar} itself. It is made
     * beside the grader's jar ({@code Grade-check-jvm.jar}), once, and goes with it: a jar in use is never deleted
     * by another grader (several kit checkouts graded side by side each keep their own).
     */
    private static String checkJvmPart(Path jar) {
        try (JarFile grader = new JarFile(jar.toFile())) {
            if (grader.getEntry(MARKER) == null) {
                return jar.toString();
            }
            String name = jar.getFileName().toString();
            Path part = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-check-jvm.jar");
            if (!Files.isRegularFile(part) || Files.getLastModifiedTime(part).compareTo(
                    Files.getLastModifiedTime(jar)) < 0) {
                Path partial = part.resolveSibling(part.getFileName() + "." + ProcessHandle.current().pid());
                try (OutputStream out = Files.newOutputStream(partial);
                        JarOutputStream copy = new JarOutputStream(out)) {
                    for (JarEntry entry : grader.stream().toList()) {
                        if (PACKAGES.stream().anyMatch(entry.getName()::startsWith) && !entry.isDirectory()) {
                            copy.putNextEntry(new JarEntry(entry.getName()));
                            try (InputStream in = grader.getInputStream(entry)) {
                                in.transferTo(copy);
                            }
                            copy.closeEntry();
                        }
                    }
                }
                Files.move(partial, part, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return part.toString();
        } catch (IOException | RuntimeException e) {
            return jar.toString(); // the whole grader jar works too; it only holds more than the check JVM needs
        }
    }
}
