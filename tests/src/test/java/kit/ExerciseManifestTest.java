package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exercises/exercises.toml is the one list of the exercises: the grader reads it, and every other place that names
 * the exercises (their folders, README's table, the GitHub Classroom workflow) must agree with it. GraderTest grades
 * the exercises it lists; tools/grading-timings asks the grader for them.
 */
class ExerciseManifestTest {

    @Test
    void theGraderOffersTheManifestsExercisesInItsOrder() {
        Kit.Run help = Kit.jbang(Duration.ofMinutes(3), "grade", "--help");
        assertEquals(0, help.exitCode(), help::describe);
        assertTrue(help.stdout().contains("exercises: " + ids(", ")), help::describe);
    }

    @Test
    void everyExerciseHasItsFoldersAndItsPackageAndNoFolderIsUnlisted() throws IOException {
        for (Exercises.Exercise e : Exercises.all()) {
            assertEquals(e.id().replace("-", ""), e.packageName(),
                    "CONTRIBUTING: the package is the id without dashes");
            for (String dir : List.of("exercises/", "solutions/")) {
                Path file = Kit.DIR.resolve(dir + e.id()).resolve(e.className() + ".java");
                assertTrue(Files.readString(file).contains("package " + e.packageName() + ";"), file + " declares "
                        + "package " + e.packageName());
            }
            for (String file : List.of("README.md", "HINTS.md")) {
                assertTrue(Files.isRegularFile(Kit.DIR.resolve("exercises/" + e.id()).resolve(file)), e.id() + file);
            }
            try (Stream<Path> checks = Files.list(Kit.DIR.resolve("grader/checks/" + e.id()))) {
                for (Path check : checks.toList()) {
                    assertTrue(Files.readString(check).contains("package kit.checks." + e.packageName() + ";"), check
                            + " is in package kit.checks." + e.packageName());
                    boolean hasChecks = Pattern.compile("@Test\\b").matcher(Files.readString(check)).find();
                    assertEquals(hasChecks, check.getFileName().toString().endsWith("Test.java"), check + ": a class "
                            + "with checks is named *Test, a helper of theirs is not (CONTRIBUTING, \"An exercise\")");
                }
            }
            assertTrue(Variant.all(Kit.DIR, "buggy").stream().anyMatch(v -> v.exercise().equals(e.id())),
                    "tests/buggy/" + e.id() + "/ has no variant");
        }
        for (String dir : List.of("exercises", "solutions", "grader/checks", "tests/buggy", "tests/correct")) {
            if (!Files.isDirectory(Kit.DIR.resolve(dir))) {
                continue;
            }
            try (Stream<Path> folders = Files.list(Kit.DIR.resolve(dir))) {
                List<String> unlisted = folders.filter(Files::isDirectory).map(f -> f.getFileName().toString())
                        .filter(id -> Exercises.all().stream().noneMatch(e -> e.id().equals(id))).toList();
                assertEquals(List.of(), unlisted, dir + "/ has folders that exercises/exercises.toml does not list");
            }
        }
    }

    @Test
    void readmesTableHasOneRowPerExerciseInOrderWithItsClassAndBuggyVariants() throws IOException {
        List<Exercises.ReadmeRow> rows = Exercises.readmeRows(Files.readString(Kit.DIR.resolve("README.md")));
        assertEquals(ids(", "), rows.stream().map(Exercises.ReadmeRow::id).collect(Collectors.joining(", ")),
                "README's table of exercises");
        for (int i = 0; i < rows.size(); i++) {
            Exercises.ReadmeRow row = rows.get(i);
            Exercises.Exercise e = Exercises.all().get(i);
            assertEquals(e.id(), row.link(), "the row of " + e.id() + " links to exercises/" + e.id());
            assertTrue(row.youWrite().contains(e.className()), "the row of " + e.id() + " names " + e.className());
            long variants = Variant.all(Kit.DIR, "buggy").stream().filter(v -> v.exercise().equals(e.id())).count();
            assertEquals(variants, row.bugs(), "README counts the buggy variants of " + e.id());
        }
        // The points column is held to the grader's totals by GraderTest.theStartersDoNotGetFullMarks.
    }

    @Test
    void theClassroomWorkflowGradesEveryExerciseInOrder() throws IOException {
        String workflow = Files.readString(Kit.DIR.resolve("course/github-classroom/classroom.yml"));
        StringBuilder steps = new StringBuilder();
        StringBuilder env = new StringBuilder();
        for (Exercises.Exercise e : Exercises.all()) {
            steps.append("      - {name: ").append(e.id()).append(", id: ").append(e.packageName())
                    .append(", run: course/github-classroom/grade-step ").append(e.id()).append("}\n");
            env.append("          ").append(e.packageName().toUpperCase()).append("_RESULTS: \"${{ steps.")
                    .append(e.packageName()).append(".outputs.result }}\"\n");
        }
        assertTrue(workflow.contains(steps), "classroom.yml's steps must be, in this order:\n" + steps);
        assertTrue(workflow.contains(env), "classroom.yml's reporter env must be:\n" + env);
        String runners = Exercises.all().stream().map(Exercises.Exercise::packageName).collect(Collectors.joining(","));
        assertTrue(workflow.contains("runners: " + runners + "\n"), "classroom.yml's runners: " + runners);
    }

    @Test
    void aBrokenManifestIsOneLineThatNamesFileAndLine(@TempDir Path kit) throws IOException {
        Path manifest = Files.createDirectories(kit.resolve("exercises")).resolve("exercises.toml");
        Files.writeString(manifest, "[[exercise]]\nid = \"counter\"\nklass = \"ThreadSafeCounter\"\n");
        Kit.Run run = Exercises.readManifest(kit);
        assertEquals(2, run.exitCode(), run::describe);
        assertEquals("error: exercises/exercises.toml:3: unknown key 'klass'; the keys are [id, class, package, rule]",
                run.stderr().strip(), run::describe);
        Files.writeString(manifest, "[[exercise]]\nid = \"counter\"\nclass = \"ThreadSafeCounter\"\n");
        run = Exercises.readManifest(kit);
        assertEquals(2, run.exitCode(), run::describe);
        assertTrue(run.stderr().strip().startsWith("error: exercises/exercises.toml: the exercise counter needs "
                + "package"), run::describe);
    }

    private static String ids(String separator) {
        return Exercises.all().stream().map(Exercises.Exercise::id).collect(Collectors.joining(separator));
    }
}
