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
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** jbang-catalog.json names every runnable example, in the chapter's order, and each script says how to run it. */
class CatalogTest {
    private static final Pattern SNIPPET_ALIAS = Pattern.compile("[1-3][a-z]-[a-z0-9-]+");

    @Test
    void aliasListShowsEveryAliasInTheChaptersOrder() {
        Kit.Run run = Kit.jbang(Duration.ofMinutes(2), "alias", "list", ".");
        assertEquals(0, run.exitCode(), run::describe);
        List<String> listed = run.stdout().lines()
                .filter(line -> line.endsWith("@."))
                .map(line -> line.substring(0, line.length() - 2))
                .toList();
        Set<String> snippets = Catalog.aliases().keySet().stream()
                .filter(name -> SNIPPET_ALIAS.matcher(name).matches())
                .collect(Collectors.toSet());
        assertFalse(snippets.isEmpty(), "the catalog names no snippet");
        List<String> listedSnippets = listed.stream().filter(snippets::contains).toList();
        assertEquals(snippets, Set.copyOf(listedSnippets), "alias list . must show every snippet alias");
        assertEquals(listedSnippets.stream().sorted().toList(), listedSnippets,
                "the <principle><letter>- prefixes must put the aliases in the chapter's order");
    }

    @TestFactory
    Stream<DynamicTest> everyAliasHasADescriptionAScriptAndHowToRunIt() {
        return Catalog.aliases().values().stream().map(alias -> DynamicTest.dynamicTest(alias.name(), () -> {
            assertFalse(alias.description().isBlank(), alias.name() + " has no description");
            assertTrue(Files.isRegularFile(alias.script()), alias.name() + " points at a missing " + alias.scriptRef());
            assertFalse(Path.of(alias.scriptRef()).isAbsolute(), "script-refs must be relative, for alias@owner/repo");
            String head = Files.readString(alias.script()).lines().limit(40).collect(Collectors.joining("\n"));
            assertTrue(head.contains("./jbang " + alias.name()),
                    alias.scriptRef() + " must say in its opening comment how to run it: ./jbang " + alias.name());
        }));
    }

    @Test
    void readmeListsEveryOneLinerWithItsDescription() throws IOException {
        String readme = Files.readString(Kit.DIR.resolve("README.md"));
        List<String> missing = Catalog.aliases().values().stream()
                .filter(alias -> SNIPPET_ALIAS.matcher(alias.name()).matches())
                .filter(alias -> !readme.contains("| `./jbang " + alias.name() + "` | " + alias.description() + " |"))
                .map(Catalog.Alias::name)
                .toList();
        assertTrue(missing.isEmpty(), "README.md's table of one-liners lacks or misdescribes: " + missing);
    }

    @Test
    void everyRunnableSnippetHasAnAlias() throws IOException {
        Set<Path> aliased = Catalog.aliases().values().stream()
                .map(alias -> alias.script().normalize())
                .collect(Collectors.toSet());
        List<Path> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Kit.DIR.resolve("snippets"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                boolean runnable = source.contains("static void main(")
                        || source.lines().anyMatch(l -> l.startsWith("void main("));
                boolean isJcstressTest = source.contains("@JCStressTest");
                if (runnable && !isJcstressTest && !aliased.contains(file.normalize())) {
                    missing.add(Kit.DIR.relativize(file));
                }
            }
        }
        assertTrue(missing.isEmpty(), "runnable snippets without an alias in jbang-catalog.json: " + missing);
    }

    @Test
    void chapterFoldersHoldOnlyTheExamplesAndWhatTheyPullInSitsInSupport() throws IOException {
        Set<Path> aliased = Catalog.aliases().values().stream()
                .map(alias -> alias.script().normalize())
                .collect(Collectors.toSet());
        List<Path> misplaced = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Kit.DIR.resolve("snippets"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                boolean inSupport = file.getParent().getFileName().toString().equals("support");
                if (inSupport == aliased.contains(file.normalize())) {
                    misplaced.add(Kit.DIR.relativize(file));
                }
            }
        }
        assertTrue(misplaced.isEmpty(), "a chapter folder holds only one-liners, and its support/ folder only what"
                + " they pull in (//SOURCES); misplaced: " + misplaced);
    }

    @TestFactory
    Stream<DynamicTest> everyOneLinerOpensWithTheSameHeader() {
        return Catalog.aliases().values().stream()
                .filter(alias -> SNIPPET_ALIAS.matcher(alias.name()).matches())
                .map(alias -> DynamicTest.dynamicTest(alias.name(), () -> {
                    List<String> head = Files.readString(alias.script()).lines().limit(40).toList();
                    assertEquals("///usr/bin/env jbang \"$0\" \"$@\" ; exit $?", head.get(0),
                            alias.scriptRef() + ": line 1 lets the script run as ./" + alias.script().getFileName());
                    assertTrue(head.stream().anyMatch(line -> line.startsWith("// Run:")), alias.scriptRef()
                            + " must say how to run it (// Run:)");
                    assertTrue(head.stream().anyMatch(line -> line.startsWith("// You will see")), alias.scriptRef()
                            + " must say what you will see (// You will see)");
                    assertFalse(SnippetHeader.promises(alias.script()).isEmpty(), alias.scriptRef() + ": its \"You"
                            + " will see\" quotes nothing that every run prints, so no test can hold it to its word");
                }));
    }

    /** A snippet reads as one lesson: chapters 2 and 3 pull in no support/ file, and at most 5 snippets do in all. */
    @Test
    void snippetsHoldTheirLessonAndOnlyAFewPullInPlumbing() throws IOException {
        List<String> pulling = new ArrayList<>();
        for (Catalog.Alias alias : Catalog.aliases().values()) {
            if (SNIPPET_ALIAS.matcher(alias.name()).matches() && Files.readString(alias.script()).lines()
                    .anyMatch(line -> line.startsWith("//SOURCES") && line.contains("support/"))) {
                pulling.add(alias.name());
            }
        }
        assertEquals(List.of(), pulling.stream().filter(name -> !name.startsWith("1")).toList(),
                "thread-safety and publish/subscribe snippets hold their lesson in the one file (CONTRIBUTING.md)");
        assertTrue(pulling.size() <= 5, "at most 5 snippets pull in support/ files, not " + pulling);
    }
}
