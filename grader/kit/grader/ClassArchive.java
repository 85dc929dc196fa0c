package kit.grader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class archive for the checking JVMs, so that each starts from classes already parsed and linked (JUnit's, the
 * grader's): JDK 25's AOT cache (JEP 483/514), or a dynamic class-data-sharing archive on JDK 21-24. It is made once
 * per machine, JDK and grader class path, by one training run of the checking JVM, and kept in
 * {@code ~/.cache/concurrency-kit/check-jvm/} (or under {@code KIT_CACHE}). Lincheck's classes are not in it: a JVM
 * whose classes Lincheck has transformed cannot write an archive, and Lincheck's dynamically attached agent makes
 * the JVM share only the JDK's classes from then on anyway.
 */
final class ClassArchive {
    private static final boolean AOT = Runtime.version().feature() >= 25;
    private static final int TRAINING_SECONDS = 60;

    private ClassArchive() {}

    /**
     * The flags that make a checking JVM with {@code classPath} (and more after it) use the archive. Synchronized:
     * exercises graded at the same time train it once.
     */
    static synchronized List<String> flags(String classPath) {
        Path archive = archiveFor(classPath);
        if (archive == null || !(Files.isRegularFile(archive) || train(archive, classPath))) {
            return quiet();
        }
        List<String> flags = new ArrayList<>(quiet());
        flags.add(AOT ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive);
        return flags;
    }

    /** No word from the JVM about the archive (a stale one is simply not used). */
    private static List<String> quiet() {
        return AOT ? List.of("-Xlog:aot=off", "-Xlog:cds=off") : List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Where the archive for this JDK and class path lives, or null when there is no cache folder to keep it in. */
    private static Path archiveFor(String classPath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version"))
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : classPath.split(File.pathSeparator)) {
                Path path = Path.of(entry);
                String stamp = Files.isRegularFile(path) ? Files.size(path) + "@" + Files.getLastModifiedTime(path) : "";
                digest.update(("\n" + entry + "\t" + stamp).getBytes(StandardCharsets.UTF_8));
            }
            String key = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            Path dir = Files.createDirectories(cacheDir().resolve("check-jvm"));
            return dir.resolve("jdk" + Runtime.version().feature() + "-" + key + (AOT ? ".aot" : ".jsa"));
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static Path cacheDir() {
        String kitCache = System.getenv("KIT_CACHE");
        if (kitCache != null && !kitCache.isBlank()) {
            return Path.of(kitCache);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("concurrency-kit");
    }

    /**
     * Makes the archive with one training run of the checking JVM ({@link CheckJvmTraining}); false if that failed.
     * Two graders training at once is harmless: each writes a file of its own and moves it into place.
     */
    private static boolean train(Path archive, String classPath) {
        Path failed = archive.resolveSibling(archive.getFileName() + ".failed");
        if (Files.exists(failed)) {
            return false;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid());
        Path events = archive.resolveSibling(partial.getFileName() + ".events");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(CheckJvm.JVM_FLAGS);
        command.addAll(quiet());
        command.add(AOT ? "-XX:AOTCacheOutput=" + partial : "-XX:ArchiveClassesAtExit=" + partial);
        command.addAll(List.of("-cp", classPath, CheckRunner.class.getName(), events.toString(),
                CheckJvmTraining.class.getPackageName() + ".training",
                CheckJvmTraining.class.getName() + "#" + CheckJvmTraining.CHECK + "=" + TRAINING_SECONDS + ","
                        + TRAINING_SECONDS)); // its wall-clock and CPU limits, as CheckJvm passes them
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            EventLog.handOverKey(process);
            boolean done = process.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly().waitFor();
            }
            if (done && process.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return true;
            }
            Files.writeString(failed, String.join(" ", command) + "\n");
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            deleteQuietly(partial);
            deleteQuietly(events);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file in the cache folder is harmless
        }
    }
}
