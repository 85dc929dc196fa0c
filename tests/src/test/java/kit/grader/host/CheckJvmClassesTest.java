package kit.grader.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check JVM's class path: the grader's jar replaced by a jar of its check-JVM packages, made beside it. */
class CheckJvmClassesTest {
    @TempDir
    Path dir;

    @Test
    void theGradersJarIsReplacedByItsCheckJvmPartAndOtherEntriesStay() throws IOException {
        Path grader = jar(dir.resolve("Grade.jar"), "kit/grader/runner/CheckRunner.class",
                "kit/grader/api/ModelCheck.class", "kit/grader/race/Hooks.class",
                "kit/grader/host/ExerciseGrader.class", "kit/grader/cli/Main.class", "Grade.class");
        Path library = jar(dir.resolve("lincheck.jar"), "org/jetbrains/lincheck/Lincheck.class");
        String classPath = CheckJvmClasses.classPath(grader + File.pathSeparator + library + File.pathSeparator + dir);

        Path part = dir.resolve("Grade-check-jvm.jar");
        assertEquals(part + File.pathSeparator + library + File.pathSeparator + dir, classPath);
        assertEquals(List.of("kit/grader/api/ModelCheck.class", "kit/grader/race/Hooks.class",
                "kit/grader/runner/CheckRunner.class"), entries(part));
    }

    @Test
    void aJarThatIsNotTheGradersIsLeftAlone() throws IOException {
        Path other = jar(dir.resolve("other.jar"), "kit/grader/api/Points.class");
        assertEquals(other.toString(), CheckJvmClasses.classPath(other.toString()));
        assertTrue(Files.notExists(dir.resolve("other-check-jvm.jar")));
    }

    @Test
    void aNewerGraderJarGetsANewPart() throws IOException {
        Path grader = jar(dir.resolve("Grade.jar"), "kit/grader/runner/CheckRunner.class");
        CheckJvmClasses.classPath(grader.toString());
        Path part = dir.resolve("Grade-check-jvm.jar");
        Files.setLastModifiedTime(part, java.nio.file.attribute.FileTime.fromMillis(0));
        jar(grader, "kit/grader/runner/CheckRunner.class", "kit/grader/api/Race.class");
        CheckJvmClasses.classPath(grader.toString());
        assertEquals(List.of("kit/grader/api/Race.class", "kit/grader/runner/CheckRunner.class"), entries(part));
    }

    private static Path jar(Path file, String... names) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (String name : names) {
                jar.putNextEntry(new JarEntry(name));
                jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                jar.closeEntry();
            }
        }
        return file;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).sorted().toList();
        }
    }
}
