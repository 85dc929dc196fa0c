package kit.grader.host;

import kit.grader.runner.CheckJvmTraining;
import kit.grader.runner.CheckRunner;
import kit.grader.runner.EventLog;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive for the checking JVMs, so that each starts from classes already parsed and linked:
 * the JDK's, JUnit's, the grader's, and Lincheck's with the Kotlin reflection it loads (about 4,000 classes in a
 * model-checking JVM; sharing them saves it about 1 s of CPU). It is made once per machine, JDK and grader class
 * path, and kept in {@code ~/.cache/concurrency-kit/check-jvm/} (or under {@code KIT_CACHE}).
 *
 * <p>How, and why so: a probe JVM runs {@link CheckJvmTraining}'s checks, one of them a real model check, and lists
 * the classes it loaded ({@code -XX:DumpLoadedClassList}); a second JVM writes a static archive of those classes
 * ({@code -Xshare:dump}). The JVM that ran Lincheck cannot write the archive itself (JDK 25's
 * {@code -XX:AOTCacheOutput} crashes in HotSpot's archive writer on the classes Lincheck transformed), and an archive
 * from a training without Lincheck leaves Lincheck's JVMs as slow as with none. On JDK 24 and later the archive's
 * classes are also linked ahead of time ({@code -XX:+AOTClassLinking}): they are loaded when the JVM starts, which
 * is what keeps them shared in a model-checking JVM - Lincheck's agent appends its jar to the boot class path, and
 * from then on the JVM takes only boot classes from an archive. On JDK 21-23 a model-checking JVM therefore shares
 * only what it loads before its first model check; the other checking JVMs share all.
 *
 * <p>The first grading on a machine waits for it: about 10 s of CPU (the probe's JVM and the dump's) once. A build
 * that failed is remembered and never tried again for that JDK and class path; the checking JVMs then start without
 * it, as they do when the archive does not fit (the JVM says nothing and does not use it).
 */
final class ClassArchive {
    private static final int FEATURE = Runtime.version().feature();
    private static final int STEP_SECONDS = 120;
    /**
     * How many archives the cache folder keeps (the newest): each is about 38 MB, and every new version of the grader
     * (a kit update) has one of its own. Three leave room for a few kit checkouts used side by side.
     */
    private static final int KEPT = 3;
    private static final String ARCHIVE_NAME = "jdk\\d+-\\p{XDigit}+\\.(jsa|aot)(\\.failed)?";

    private ClassArchive() {}

    /**
     * The flags that make a checking JVM with {@code classPath} (and more after it) use the archive. Synchronized:
     * exercises graded at the same time build it once.
     */
    static synchronized List<String> flags(String classPath) {
        Path archive = archiveFor(classPath);
        if (archive == null || !(Files.isRegularFile(archive) || build(archive, classPath))) {
            return quiet();
        }
        List<String> flags = new ArrayList<>(quiet());
        flags.add("-XX:SharedArchiveFile=" + archive);
        return flags;
    }

    /** No word from the JVM about the archive (one that does not fit is simply not used). */
    private static List<String> quiet() {
        return FEATURE >= 25 ? List.of("-Xlog:cds*=off", "-Xlog:aot*=off") : List.of("-Xlog:cds*=off");
    }

    /** Where the archive for this JDK and class path lives, or null when there is no cache folder to keep it in. */
    private static Path archiveFor(String classPath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version"))
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : classPath.split(File.pathSeparator)) {
                Path path = Path.of(entry);
                String stamp = Files.isRegularFile(path) ? Files.size(path) + "@" + Files.getLastModifiedTime(path)
                        : "";
                digest.update(("\n" + entry + "\t" + stamp).getBytes(StandardCharsets.UTF_8));
            }
            String key = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            Path dir = Files.createDirectories(KitCache.dir().resolve("check-jvm"));
            return dir.resolve("jdk" + FEATURE + "-" + key + ".jsa");
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Deletes the archives in {@code dir} but the newest {@code kept}, and every .failed mark older than them. */
    private static void pruneOlderThanNewest(Path dir, int kept) {
        try (var files = Files.list(dir)) {
            // (.aot: the AOT caches that earlier versions of the grader kept here)
            List<Path> byAge = files.filter(f -> f.getFileName().toString().matches(ARCHIVE_NAME))
                    .sorted(Comparator.comparing(ClassArchive::modified).reversed()).toList();
            int archives = 0;
            for (Path file : byAge) {
                boolean archive = !file.getFileName().toString().endsWith(".failed");
                if (archive ? ++archives > kept : archives >= kept) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // an old archive left in the cache folder is harmless
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }


    /**
     * Makes the archive: the probe lists the classes, the dump writes them; false if either failed. Two graders
     * building at once is harmless: each writes files of its own and moves its archive into place.
     */
    private static boolean build(Path archive, String classPath) {
        Path failed = archive.resolveSibling(archive.getFileName() + ".failed");
        if (Files.exists(failed)) {
            return false;
        }
        String mine = archive.getFileName() + "." + ProcessHandle.current().pid();
        Path classList = archive.resolveSibling(mine + ".classlist");
        Path events = archive.resolveSibling(mine + ".events");
        Path partial = archive.resolveSibling(mine);
        List<String> probe = java();
        probe.add("-XX:DumpLoadedClassList=" + classList);
        probe.addAll(List.of("-cp", classPath, CheckRunner.class.getName(), events.toString(),
                CheckJvmTraining.class.getPackageName() + ".training"));
        CheckJvmTraining.CHECKS.forEach(check -> probe.add(CheckJvmTraining.class.getName() + "#" + check + "="
                + STEP_SECONDS + ",0"));
        List<String> dump = java();
        dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + partial));
        if (FEATURE >= 24) {
            dump.add("-XX:+AOTClassLinking");
        }
        dump.addAll(List.of("-cp", classPath));
        long start = System.nanoTime();
        try {
            if (run(probe, true) && Files.size(classList) > 0 && run(dump, false) && Files.isRegularFile(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Timing.report("class archive for the checking JVMs made", start);
                pruneOlderThanNewest(archive.getParent(), KEPT);
                return true;
            }
            Files.writeString(failed, String.join(" ", probe) + "\n" + String.join(" ", dump) + "\n");
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            deleteQuietly(classList);
            deleteQuietly(events);
            deleteQuietly(partial);
        }
    }

    /** The start of a command for a JVM with the checking JVMs' flags (the archive keeps their GC's objects). */
    private static List<String> java() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(CheckJvmFlags.ALL);
        command.addAll(quiet());
        return command;
    }

    /**
     * Runs {@code command} to its end (within the time allowed); true if it exited with 0. A {@link CheckRunner}
     * first reads the key that signs its events.
     */
    private static boolean run(List<String> command, boolean isCheckRunner) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (isCheckRunner) {
            EventLog.handOverKey(process);
        } else {
            process.getOutputStream().close();
        }
        if (!process.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return false;
        }
        return process.exitValue() == 0;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file in the cache folder is harmless
        }
    }
}
