package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checking JVMs' class archive (grader/kit/grader/host/ClassArchive.java) is made on the first grading, in a cache
 * of its own here, and reused by the next; the cache keeps only the newest archives; and an archive that is not a valid
 * one changes no verdict.
 */
class ClassArchiveTest {
    private static final String MADE = "[timing] class archive for the checking JVMs made";
    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    @Test
    void madeOnFirstUseThenReusedAndABrokenOneIsHarmless(@TempDir Path cache) throws IOException {
        // ./jbang keeps JBang itself in the same cache: the real one's entries (where the other tests find it too,
        // as the kit's tests run without KIT_CACHE or XDG_CACHE_HOME), all but the archives.
        Path real = Path.of(System.getProperty("user.home"), ".cache", "concurrency-kit");
        try (Stream<Path> entries = Files.list(real)) {
            for (Path entry : entries.filter(e -> !e.getFileName().toString().equals("check-jvm")).toList()) {
                Files.createSymbolicLink(cache.resolve(entry.getFileName()), entry);
            }
        }
        // Archives of older graders (one an AOT cache of an earlier version), oldest first: the cache keeps 3.
        Path folder = Files.createDirectories(cache.resolve("check-jvm"));
        List<String> older = List.of("jdk25-00000000000000aa.jsa", "jdk25-00000000000000bb.jsa",
                "jdk25-00000000000000cc.aot");
        for (int i = 0; i < older.size(); i++) {
            Path file = Files.writeString(folder.resolve(older.get(i)), "an older grader's");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(older.size() - i))));
        }
        Files.setLastModifiedTime(Files.writeString(folder.resolve(older.get(0) + ".failed"), ""),
                FileTime.from(Instant.now().minus(Duration.ofDays(older.size()))));

        Kit.Run first = gradeCounter(cache);
        assertTrue(first.stderr().contains(MADE), first::describe);
        Path archive = newArchive(folder, older);
        assertEquals(Set.of(archive.getFileName().toString(), older.get(1), older.get(2)), archives(folder),
                "the newest 3 archives kept, the oldest and its .failed mark deleted");

        Kit.Run second = gradeCounter(cache);
        assertFalse(second.stderr().contains(MADE), "the archive is made once: " + second.describe());
        assertEquals(archive, newArchive(folder, older));

        Files.write(archive, new byte[] {1, 2, 3}); // not an archive: every JVM must start without it
        gradeCounter(cache);
    }

    /** A grading of the counter solution with this cache: full marks, whatever the archive. */
    private static Kit.Run gradeCounter(Path cache) {
        Kit.Run run = Kit.run(Kit.DIR, TIMEOUT, List.of("env", "KIT_CACHE=" + cache, "KIT_GRADER_TIMING=1",
                Kit.DIR.resolve("jbang").toString(), "grade", "counter", "--solutions"));
        assertEquals(0, run.exitCode(), run::describe);
        int full = Exercises.points("counter");
        assertTrue(run.stdout().contains("counter: " + full + "/" + full + " points - full marks"), run::describe);
        return run;
    }

    /** The one archive in the folder that is not one of {@code older}; a failed build leaves a .failed file. */
    private static Path newArchive(Path folder, List<String> older) throws IOException {
        List<String> made = archives(folder).stream().filter(name -> !older.contains(name)).toList();
        assertEquals(1, made.size(), "one new archive and nothing else: " + made);
        assertTrue(made.get(0).endsWith(".jsa"), made::toString);
        return folder.resolve(made.get(0));
    }

    /** The archives and .failed marks in the folder. */
    private static Set<String> archives(Path folder) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.map(file -> file.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }
}
