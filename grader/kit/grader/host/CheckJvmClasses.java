package kit.grader.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * The class path of a check JVM: the grader's, with the grader's own jar replaced by a jar of only the packages that
 * run in a check JVM ({@link #PACKAGES}), so that the grader's side - compiling, launching, reporting, the learner's
 * commands - is not there beside the learner's code. The jar is made once per grader jar, in the kit's cache folder.
 * Where it cannot be made (no cache folder, the grader's classes in a folder rather than a jar), the grader's class
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

    /** The jar of the check JVM's packages, when {@code jar} is the grader's own; else {@code jar} itself. */
    private static String checkJvmPart(Path jar) {
        try (JarFile grader = new JarFile(jar.toFile())) {
            if (grader.getEntry(MARKER) == null) {
                return jar.toString();
            }
            Path part = KitCache.dir().resolve("check-jvm").resolve("classes-" + key(jar) + ".jar");
            if (!Files.isRegularFile(part)) {
                Files.createDirectories(part.getParent());
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
                keepNewest(part.getParent(), 3);
            }
            return part.toString();
        } catch (IOException | RuntimeException e) {
            return jar.toString(); // the whole grader jar works too; it only holds more than the check JVM needs
        }
    }

    /** Deletes the check JVM jars of older grader versions in {@code dir}, but the newest {@code kept}. */
    private static void keepNewest(Path dir, int kept) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> byAge = files.filter(f -> f.getFileName().toString().matches("classes-\\p{XDigit}+\\.jar"))
                    .sorted(Comparator.comparing(CheckJvmClasses::modified).reversed()).toList();
            for (Path old : byAge.subList(Math.min(kept, byAge.size()), byAge.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Names the grader jar's version: its path, size and time. */
    private static String key(Path jar) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((jar.toAbsolutePath() + "\t" + Files.size(jar) + "@" + Files.getLastModifiedTime(jar))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
