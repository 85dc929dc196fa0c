package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checking JVMs' class archive (grader/kit/grader/ClassArchive.java) is made on the first grading, in a cache of
 * its own here, and reused by the next; and an archive that is not a valid one changes no verdict.
 */
class ClassArchiveTest {
    private static final String MADE = "[timing] class archive for the checking JVMs made";
    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    @Test
    void madeOnFirstUseThenReusedAndABrokenOneIsHarmless(@TempDir Path cache) throws IOException {
        // ./jbang keeps JBang itself in the same cache: the real one's entries, all but the archives.
        Path real = realCache();
        try (Stream<Path> entries = Files.list(real)) {
            for (Path entry : entries.filter(e -> !e.getFileName().toString().equals("check-jvm")).toList()) {
                Files.createSymbolicLink(cache.resolve(entry.getFileName()), entry);
            }
        }
        Kit.Run first = gradeCounter(cache);
        assertTrue(first.stderr().contains(MADE), first::describe);
        Path archive = onlyArchive(cache);

        Kit.Run second = gradeCounter(cache);
        assertFalse(second.stderr().contains(MADE), "the archive is made once: " + second.describe());
        assertEquals(archive, onlyArchive(cache));

        Files.write(archive, new byte[] {1, 2, 3}); // not an archive: every JVM must start without it
        gradeCounter(cache);
    }

    /** A grading of the counter solution with this cache: full marks, whatever the archive. */
    private static Kit.Run gradeCounter(Path cache) {
        Kit.Run run = Kit.run(Kit.DIR, TIMEOUT, List.of("env", "KIT_CACHE=" + cache, "KIT_GRADER_TIMING=1",
                Kit.DIR.resolve("jbang").toString(), "grade", "counter", "--solutions"));
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("counter: 10/10 points - full marks"), run::describe);
        return run;
    }

    /** The one archive in the cache; a build that failed would have left a .failed file instead. */
    private static Path onlyArchive(Path cache) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(cache.resolve("check-jvm"))) {
            listed.forEach(files::add);
        }
        assertEquals(1, files.size(), "one archive and nothing else: " + files);
        assertTrue(files.get(0).getFileName().toString().endsWith(".jsa"), files::toString);
        return files.get(0);
    }

    private static Path realCache() {
        String kitCache = System.getenv("KIT_CACHE");
        if (kitCache != null && !kitCache.isBlank()) {
            return Path.of(kitCache);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("concurrency-kit");
    }
}
