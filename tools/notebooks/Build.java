///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//DEPS com.google.code.gson:gson:2.13.1
//SOURCES NotebookJson.java

// Builds the notebooks from their sources, so that a notebook never holds a second copy of a snippet's code.
//
// Run:  ./jbang tools/notebooks/Build.java           writes notebooks/<name>.ipynb from notebooks/src/<name>.md
//       ./jbang tools/notebooks/Build.java --check   exit 1 if a committed notebook differs from what its source
//                                                    generates (what CI runs); changes nothing
// (tools/notebooks/build does the first and then executes the notebooks in place, so that they carry outputs.)
//
// A source is Markdown, cut into cells by two kinds of code cell:
//   <<snippets/x/support/Y.java>>   a whole file: without its package line, its JBang directives, its opening
//                                   `//` comment (how to run it as a one-liner) and imports of the packages dropped
//   <<snippets/x/Y.java#name>>      the lines between `// tag::name[]` and `// end::name[]` (all such regions of
//                                   the file, dedented), after the file's imports of the names they use
//   ```java                         code that only the notebook has (calls, charts), and `%load <file>` lines that
//                                   declare harness code the lesson uses but does not show; the file must exist
//                                   (its path is relative to notebooks/, where the notebook runs)
// Either may be followed by `id=<cell-id>` (tests find cells by it) and `tags=raises-exception`.
// Outputs of cells whose id and code did not change are kept.

import com.google.gson.FormattingStyle;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class Build {
    private static final Pattern INCLUDE = Pattern.compile("^<<([^#>]+)(?:#([\\w-]+))?>>\\s*(.*)$");
    private static final Pattern FENCE = Pattern.compile("^```java\\s*(.*)$");
    private static final Pattern REGION_MARKER = Pattern.compile("^\\s*//\\s*(tag|end)::([\\w-]+)\\[]\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;\\s*$");
    private static final Pattern JBANG_DIRECTIVE = Pattern.compile("^(///.*|//[A-Z_]+(\\s.*)?)$");
    private static final Pattern LOAD = Pattern.compile("^%load\\s+(\\S+)\\s*$");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\.(\\w+|\\*)\\s*;\\s*$");

    /** One cell: "markdown" or "code", its text, and for code an id and tags. */
    record Cell(String type, String id, String source, List<String> tags) {}

    /** A line of a source that cannot be turned into a cell. */
    static final class SourceError extends RuntimeException {
        SourceError(Path source, int line, String message) {
            super(source + ":" + line + ": " + message);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1 || (args.length == 1 && !args[0].equals("--check"))) {
            System.err.println("usage: ./jbang tools/notebooks/Build.java [--check]");
            System.exit(2);
        }
        boolean check = args.length == 1;
        Path kit = kitRoot();
        List<Path> sources;
        try (Stream<Path> files = Files.list(kit.resolve("notebooks/src"))) {
            sources = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<String> stale = new ArrayList<>();
        for (Path source : sources) {
            String name = source.getFileName().toString().replaceFirst("\\.md$", "");
            Path notebookFile = kit.resolve("notebooks/" + name + ".ipynb");
            List<Cell> cells;
            try {
                cells = cells(kit, source);
            } catch (SourceError | UncheckedIOException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(1);
                return;
            }
            JsonObject existing = Files.exists(notebookFile)
                    ? JsonParser.parseString(Files.readString(notebookFile)).getAsJsonObject() : null;
            if (check) {
                String difference = existing == null ? "missing" : difference(cells, existing);
                if (difference != null) {
                    stale.add(kit.relativize(notebookFile) + ": " + difference);
                }
            } else {
                Files.writeString(notebookFile, json(notebook(cells, existing)) + "\n");
                System.out.println("wrote " + kit.relativize(notebookFile) + " (" + cells.size() + " cells)");
            }
        }
        if (!stale.isEmpty()) {
            stale.forEach(line -> System.err.println("stale notebook: " + line));
            System.err.println("The notebooks are generated from notebooks/src and the files they include:"
                    + " run tools/notebooks/build and commit the result.");
            System.exit(1);
        }
        if (check) {
            System.out.println("notebooks match their sources: " + sources.size() + " checked");
        }
    }

    /** The kit's root: the nearest folder upwards from here that has notebooks/src. */
    private static Path kitRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("notebooks/src"))) {
                return dir;
            }
        }
        System.err.println("error: run this inside the kit (no notebooks/src found in this folder or above)");
        System.exit(2);
        return null;
    }

    /** Parses a source into cells. */
    static List<Cell> cells(Path kit, Path source) throws IOException {
        List<String> lines = Files.readAllLines(source);
        List<Cell> cells = new ArrayList<>();
        List<String> markdown = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher include = INCLUDE.matcher(line);
            Matcher fence = FENCE.matcher(line);
            String code;
            String attributes;
            if (include.matches()) {
                code = include(kit, source, i + 1, include.group(1).strip(), include.group(2));
                attributes = include.group(3);
            } else if (fence.matches()) {
                int start = i;
                List<String> body = new ArrayList<>();
                while (++i < lines.size() && !lines.get(i).strip().equals("```")) {
                    body.add(lines.get(i));
                }
                if (i == lines.size()) {
                    throw new SourceError(source, start + 1, "```java block is not closed");
                }
                code = String.join("\n", body).strip();
                attributes = fence.group(1);
                for (String text : body) {
                    Matcher load = LOAD.matcher(text.strip());
                    if (load.matches() && !Files.isRegularFile(kit.resolve("notebooks").resolve(load.group(1)))) {
                        throw new SourceError(source, start + 1, "%load of a missing file: notebooks/" + load.group(1));
                    }
                }
            } else {
                markdown.add(line);
                continue;
            }
            addMarkdown(cells, markdown);
            Map<String, String> attrs = attributes(source, i + 1, attributes);
            String id = attrs.getOrDefault("id", "cell-" + (cells.size() + 1));
            if (!ids.add(id)) {
                throw new SourceError(source, i + 1, "cell id " + id + " is used twice");
            }
            List<String> tags = attrs.containsKey("tags") ? List.of(attrs.get("tags").split(",")) : List.of();
            cells.add(new Cell("code", id, code, tags));
        }
        addMarkdown(cells, markdown);
        List<String> packages = includedPackages(kit, lines);
        return cells.stream().map(c -> c.type().equals("code") ? withoutImportsOf(packages, c) : c).toList();
    }

    private static void addMarkdown(List<Cell> cells, List<String> markdown) {
        String text = String.join("\n", markdown).strip();
        if (!text.isEmpty()) {
            cells.add(new Cell("markdown", "md-" + (cells.size() + 1), text, List.of()));
        }
        markdown.clear();
    }

    private static Map<String, String> attributes(Path source, int line, String text) {
        Map<String, String> attrs = new HashMap<>();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String[] pair = word.split("=", 2);
            if (pair.length != 2 || !(pair[0].equals("id") || pair[0].equals("tags"))) {
                throw new SourceError(source, line, "expected id=<cell-id> or tags=<tag,...>, found " + word);
            }
            attrs.put(pair[0], pair[1]);
        }
        return attrs;
    }

    /** The code of a whole file or of its regions named {@code region}, ready for a cell. */
    static String include(Path kit, Path source, int line, String path, String region) throws IOException {
        Path file = kit.resolve(path).normalize();
        if (!Files.isRegularFile(file)) {
            throw new SourceError(source, line, "no file " + path);
        }
        List<String> kept = new ArrayList<>();
        boolean inRegion = false;
        boolean found = false;
        boolean inHeader = region == null;
        for (String text : Files.readAllLines(file)) {
            inHeader = inHeader && (text.isBlank() || text.startsWith("//"));
            if (inHeader) {
                continue;
            }
            Matcher marker = REGION_MARKER.matcher(text);
            if (marker.matches()) {
                if (region != null && marker.group(2).equals(region)) {
                    inRegion = marker.group(1).equals("tag");
                    found = true;
                }
                continue;
            }
            boolean code = !PACKAGE.matcher(text).matches() && !JBANG_DIRECTIVE.matcher(text).matches();
            if (region != null ? inRegion : code) {
                kept.add(text);
            }
        }
        if (region != null && !found) {
            throw new SourceError(source, line, path + " has no region " + region + " (// tag::" + region + "[])");
        }
        if (region != null) { // a region declares code that needs its file's imports, as a whole file would
            String code = String.join("\n", kept);
            List<String> imports = Files.readAllLines(file).stream().filter(text -> {
                Matcher imported = IMPORT.matcher(text);
                return imported.matches() && Pattern.compile("\\b" + imported.group(2) + "\\b").matcher(code).find();
            }).toList();
            if (!imports.isEmpty()) {
                kept = new ArrayList<>(imports);
                kept.add("");
                kept.addAll(dedent(code.lines().toList()));
            }
        }
        return tidy(dedent(kept));
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    /** Joins lines, with no blank line at either end and never two blank lines in a row. */
    private static String tidy(List<String> lines) {
        StringBuilder text = new StringBuilder();
        boolean blankBefore = false;
        for (String line : lines) {
            if (line.isBlank()) {
                blankBefore = true;
                continue;
            }
            if (!text.isEmpty()) {
                text.append(blankBefore ? "\n\n" : "\n");
            }
            text.append(line);
            blankBefore = false;
        }
        return text.toString();
    }

    /**
     * The packages of the files a source includes: a notebook has no packages (its classes are all declared at top
     * level), so an import of a class from one of them would not compile there and is dropped.
     */
    private static List<String> includedPackages(Path kit, List<String> sourceLines) throws IOException {
        Set<String> packages = new LinkedHashSet<>();
        for (String line : sourceLines) {
            Matcher include = INCLUDE.matcher(line);
            if (include.matches()) {
                for (String text : Files.readAllLines(kit.resolve(include.group(1).strip()))) {
                    Matcher declared = PACKAGE.matcher(text);
                    if (declared.matches()) {
                        packages.add(declared.group(1));
                    }
                }
            }
        }
        return List.copyOf(packages);
    }

    private static Cell withoutImportsOf(List<String> packages, Cell cell) {
        List<String> kept = cell.source().lines().filter(line -> {
            Matcher imported = IMPORT.matcher(line.strip());
            return !(imported.matches() && packages.contains(imported.group(1)));
        }).toList();
        return new Cell(cell.type(), cell.id(), tidy(kept), cell.tags());
    }

    /** The notebook (nbformat 4.5) for {@code cells}, keeping outputs of unchanged cells of {@code existing}. */
    static Map<String, Object> notebook(List<Cell> cells, JsonObject existing) {
        Map<String, JsonObject> oldCells = new HashMap<>();
        if (existing != null) {
            for (JsonElement old : existing.getAsJsonArray("cells")) {
                JsonObject cell = old.getAsJsonObject();
                if (cell.has("id")) {
                    oldCells.put(cell.get("id").getAsString(), cell);
                }
            }
        }
        List<Object> json = new ArrayList<>();
        for (Cell cell : cells) {
            Map<String, Object> c = new TreeMap<>();
            c.put("cell_type", cell.type());
            c.put("id", cell.id());
            c.put("metadata", cell.tags().isEmpty() ? Map.of() : Map.of("tags", cell.tags()));
            c.put("source", sourceLines(cell.source()));
            if (cell.type().equals("code")) {
                JsonObject old = oldCells.get(cell.id());
                boolean unchanged = old != null && cell.source().equals(NotebookJson.text(old.get("source")));
                c.put("execution_count", unchanged ? old.get("execution_count") : null);
                c.put("outputs", unchanged ? old.get("outputs") : List.of());
            }
            json.add(c);
        }
        Map<String, Object> notebook = new TreeMap<>();
        notebook.put("cells", json);
        notebook.put("metadata", new TreeMap<>(Map.of(
                "kernelspec", new TreeMap<>(Map.of("display_name", "Java", "language", "java", "name", "java")),
                "language_info", Map.of("name", "java"))));
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        return notebook;
    }

    /** Where a committed notebook's cells differ from {@code cells}, or null if they don't. Outputs don't count. */
    static String difference(List<Cell> cells, JsonObject notebook) {
        JsonArray actual = notebook.getAsJsonArray("cells");
        for (int i = 0; i < Math.max(cells.size(), actual.size()); i++) {
            if (i >= actual.size()) {
                return "cell " + (i + 1) + " (" + cells.get(i).id() + ") is missing";
            }
            if (i >= cells.size()) {
                return "cell " + (i + 1) + " is not in the source";
            }
            Cell want = cells.get(i);
            JsonObject have = actual.get(i).getAsJsonObject();
            JsonElement tags = have.getAsJsonObject("metadata").get("tags");
            List<String> haveTags = tags == null ? List.of()
                    : tags.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
            if (!want.type().equals(have.get("cell_type").getAsString())
                    || !want.source().equals(NotebookJson.text(have.get("source")))
                    || !want.tags().equals(haveTags)) {
                return "cell " + (i + 1) + " (" + want.id() + ") differs from its source";
            }
        }
        JsonObject kernelspec = notebook.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
        if (kernelspec == null || !"java".equals(kernelspec.get("name").getAsString())) {
            return "its kernelspec is not java";
        }
        return null;
    }

    private static List<String> sourceLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)")));
        return text.isEmpty() ? List.of() : lines;
    }

    private static String json(Object value) {
        Gson gson = new GsonBuilder().serializeNulls().disableHtmlEscaping()
                .setFormattingStyle(FormattingStyle.PRETTY.withIndent(" ")).create();
        return gson.toJson(value);
    }
}
