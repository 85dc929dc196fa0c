package kit.grader.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest reader on hand-written manifests: what it accepts and how it refuses. */
class ExerciseManifestTest {
    @TempDir
    Path kit;

    private List<ExerciseManifest.Entry> read(String toml) throws IOException {
        Files.createDirectories(kit.resolve("exercises"));
        Files.writeString(kit.resolve(ExerciseManifest.PATH), toml);
        return ExerciseManifest.read(kit);
    }

    @Test
    void readsEntriesInOrder() throws IOException {
        List<ExerciseManifest.Entry> entries = read("""
                [[exercise]]
                id = "counter"
                class = "ThreadSafeCounter"
                package = "counter"

                [[exercise]]
                id = "stop-flag"   # a comment
                class = "StoppableWorker"
                package = "stopflag"
                rule = "no-sleep"
                """);
        assertEquals(2, entries.size());
        assertEquals("counter", entries.get(0).id());
        assertEquals("stopflag", entries.get(1).packageName());
    }

    @Test
    void refusesAnEntryWithoutItsClass() {
        assertThrows(IllegalArgumentException.class, () -> read("""
                [[exercise]]
                id = "counter"
                package = "counter"
                """));
    }
}
