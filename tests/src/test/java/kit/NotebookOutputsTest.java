package kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed notebooks carry the outputs of a run, for reading on GitHub: those outputs must name no machine's
 * temporary folder (a grading's or a cell's temp directory), nor the folder the kit was cloned into. Fast: it reads
 * the committed files, it runs nothing.
 */
class NotebookOutputsTest {
    /** Absolute temporary folders on Linux, macOS and Windows, and home folders. */
    private static final Pattern MACHINE_PATH = Pattern.compile(
            "(?<![\\w.~-])(/tmp/|/var/tmp/|/var/folders/|/private/var/|/dev/shm/|/root/"
                    + "|/home/[^/\\s]+/|/Users/[^/\\s]+/)"
                    + "|[A-Za-z]:\\\\(Users|Windows|Temp)\\\\|\\\\AppData\\\\Local\\\\Temp");

    @Test
    void committedOutputsNameNoTemporaryOrMachineFolder() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> machineFolders = Stream.of(Kit.DIR.toString(), System.getProperty("java.io.tmpdir"),
                System.getProperty("user.home")).filter(folder -> folder != null && folder.length() > 1)
                .map(folder -> folder.endsWith("/") ? folder : folder + "/").toList();
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(Kit.DIR.resolve("notebooks"))) {
            notebooks = files.filter(file -> file.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in " + Kit.DIR.resolve("notebooks"));
        for (Path notebook : notebooks) {
            JsonObject json = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
            for (JsonElement element : json.getAsJsonArray("cells")) {
                JsonObject cell = element.getAsJsonObject();
                if (!cell.has("outputs")) {
                    continue;
                }
                String id = notebook.getFileName() + "/" + (cell.has("id") ? cell.get("id").getAsString() : "?");
                for (String line : text(cell.get("outputs")).split("\n")) {
                    Matcher path = MACHINE_PATH.matcher(line);
                    if (path.find() || machineFolders.stream().anyMatch(line::contains)) {
                        found.add(id + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "committed notebook outputs that name a machine's folder: run the cell in a"
                + " folder of the kit (results/, as lib/GradeCell.java does) and rebuild with tools/notebooks/build");
    }

    /** Every string in the outputs (stream text, text/plain data, tracebacks), images left out. */
    private static String text(JsonElement outputs) {
        StringBuilder text = new StringBuilder();
        collect(outputs, text);
        return text.toString();
    }

    private static void collect(JsonElement element, StringBuilder text) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(item -> collect(item, text));
        } else if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().stream().filter(entry -> !entry.getKey().startsWith("image/"))
                    .forEach(entry -> collect(entry.getValue(), text));
        } else if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            text.append(element.getAsString()).append('\n');
        }
    }
}
