package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variants in tests/buggy/ and tests/correct/ are stored as patches against the solutions or a whole correct
 * alternative (see {@link Variant}): each one applies to today's base and changes it, and says in its header what it
 * is; a patch whose lines moved still applies, one whose lines are gone fails with the variant's name; and
 * tools/variants/to-patch turns a full-file variant into the same patch, idempotently. (GraderTest grades them.)
 */
class VariantTest {
    private static final Path NO_SIGNAL = Kit.DIR.resolve("tests/buggy/queue/no-signal.patch");

    @TestFactory
    Stream<DynamicTest> everyVariantAppliesToTodaysSolutionAndChangesIt(@TempDir Path tmp) {
        List<Variant> variants = new ArrayList<>(Variant.all(Kit.DIR, "buggy"));
        assertFalse(variants.isEmpty(), "no patches in tests/buggy/");
        variants.addAll(Variant.all(Kit.DIR, "correct"));
        return variants.stream().map(variant -> DynamicTest.dynamicTest(variant.patch().getParent().getParent()
                .getFileName() + "/" + variant.exercise() + "/" + variant.name(), () -> {
                    Path dir = variant.materialise(Kit.DIR, tmp.resolve(variant.exercise() + "-" + variant.name()));
                    String base = Files.readString(Kit.DIR.resolve(variant.base()));
                    assertFalse(base.endsWith(Files.readString(dir.resolve(variant.targetFile()))),
                            variant.patch() + " changes nothing");
                    if (variant.patch().startsWith(Kit.DIR.resolve("tests/buggy"))) {
                        assertEquals(1, variant.values("BUG").size(), variant.patch() + ": one 'BUG: ...' line");
                        assertFalse(variant.values("CAUGHT-BY").isEmpty(), variant.patch() + ": no 'CAUGHT-BY:'");
                    } else {
                        assertEquals(1, variant.values("CORRECT").size(), variant.patch() + ": one 'CORRECT: ...' "
                                + "line, saying the design");
                        assertEquals(List.of(), variant.values("CAUGHT-BY"), variant.patch() + ": a correct design is "
                                + "caught by nothing");
                    }
                }));
    }

    @Test
    void everyCorrectAlternativeKeptWholeOpensWithWhatItsDesignIs() throws IOException {
        for (GraderTest.Alternative alternative : GraderTest.alternatives()) {
            if (alternative.dir().startsWith(Kit.DIR.resolve("tests/correct"))) {
                try (Stream<Path> files = Files.list(alternative.dir())) {
                    List<Path> classes = files.toList();
                    assertEquals(1, classes.size(), alternative.dir() + " holds one class");
                    assertTrue(Files.readAllLines(classes.get(0)).get(0).startsWith("// CORRECT: "), classes.get(0)
                            + " opens with '// CORRECT: <its design>'");
                }
            }
        }
    }

    @Test
    void aPatchStillAppliesWhenTheSolutionGrewAboveIt() throws IOException {
        Variant variant = Variant.read(NO_SIGNAL);
        List<String> solution = Files.readAllLines(solutionOf(variant));
        List<String> grown = new ArrayList<>(solution);
        grown.addAll(1, List.of("", "// two lines more than when the patch was made"));
        String expected = variant.apply(solution, "solution");
        String applied = variant.apply(grown, "grown solution");
        assertEquals(expected.lines().count() + 2, applied.lines().count());
        assertTrue(applied.contains("// two lines more") && !applied.contains("notEmpty.signal();"), applied);
    }

    @Test
    void aPatchWhoseLinesAreGoneFailsWithTheVariantsName() throws IOException {
        Variant variant = Variant.read(NO_SIGNAL);
        List<String> changed = Files.readAllLines(solutionOf(variant)).stream()
                .map(line -> line.replace("items.addLast(item);", "items.offerLast(item);")).toList();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> variant.apply(changed, "solutions/queue/ThreadSafeQueue.java"));
        assertTrue(e.getMessage().startsWith("no-signal (") && e.getMessage().contains("no longer applies")
                && e.getMessage().contains("items.addLast(item);"), e.getMessage());
    }

    @Test
    void toPatchTurnsAFullFileVariantIntoTheStoredPatchAndThenHasNothingToDo(@TempDir Path kit) throws IOException {
        Path patch = toPatchGivesBackTheStoredPatch(kit, NO_SIGNAL, List.of());
        Kit.Run second = Kit.run(kit, Duration.ofMinutes(2), List.of("tools/variants/to-patch"));
        assertEquals(0, second.exitCode(), second::describe);
        assertTrue(second.stdout().contains("nothing to do"), second::describe);
        assertEquals(Files.readString(NO_SIGNAL), Files.readString(patch));
    }

    @Test
    void toPatchWithABaseStoresTheChangeOfAWholeCorrectAlternative(@TempDir Path kit) throws IOException {
        toPatchGivesBackTheStoredPatch(kit, Kit.DIR.resolve("tests/correct/queue/monitor-notify.patch"),
                List.of("--base", "tests/correct/queue/monitor-notify-all", "tests/correct/queue/monitor-notify"));
    }

    /** A variant that spans two files of the package: the class's diff, then the second file whole, as a new file. */
    @Test
    void toPatchStoresASecondFileOfThePackageAsANewFile(@TempDir Path kit) throws IOException {
        Path stored = Kit.DIR.resolve("tests/buggy/counter/count-in-a-second-file-without-the-lock.patch");
        Variant variant = Variant.read(stored);
        assertEquals(List.of("Cell.java"), List.copyOf(variant.addedFiles().keySet()));
        Path dir = variant.materialise(Kit.DIR, kit.resolve("materialised"));
        assertTrue(Files.readString(dir.resolve("Cell.java")).contains("final class Cell {"), "the second file");
        assertTrue(Files.readString(dir.resolve("ThreadSafeCounter.java")).contains("cell.increment();"), "the class");
        toPatchGivesBackTheStoredPatch(kit.resolve("kit"), stored, List.of());
    }

    /**
     * In a copy of the kit's parts that tools/variants/to-patch needs, writes the stored variant as a full file with
     * its header as comments, runs {@code to-patch args...} and checks that it wrote the same patch back.
     */
    private static Path toPatchGivesBackTheStoredPatch(Path kit, Path stored, List<String> args) throws IOException {
        Variant variant = Variant.read(stored);
        for (String part : List.of("jbang", "tools/find-jdk.sh", "tools/jbang", "tools/variants",
                "solutions/" + variant.exercise(), "tests/src/test/java/kit/Variant.java",
                Path.of(variant.base()).getParent().toString().replace('\\', '/')).stream().distinct().toList()) {
            LearnerCopy.copyTree(Kit.DIR.resolve(part), kit.resolve(part));
        }
        Path relative = Kit.DIR.relativize(stored);
        Path folder = kit.resolve(relative.toString().replaceFirst("\\.patch$", ""));
        Path file = variant.materialise(Kit.DIR, folder).resolve(variant.targetFile());
        List<String> full = new ArrayList<>(variant.header().stream().map(line -> "// " + line).toList());
        full.addAll(Files.readAllLines(file));
        Files.write(file, full);

        List<String> command = new ArrayList<>(List.of("tools/variants/to-patch"));
        command.addAll(args);
        Kit.Run run = Kit.run(kit, Duration.ofMinutes(2), command);
        assertEquals(0, run.exitCode(), run::describe);
        assertFalse(Files.exists(folder), "the folder is replaced by the patch\n" + run.describe());
        Path patch = kit.resolve(relative);
        assertEquals(Files.readString(stored), Files.readString(patch));
        return patch;
    }

    private static Path solutionOf(Variant variant) {
        return Kit.DIR.resolve("solutions").resolve(variant.exercise()).resolve(variant.targetFile());
    }
}
