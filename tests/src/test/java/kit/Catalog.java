package kit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The aliases of jbang-catalog.json, as the kit's tests see them. */
public final class Catalog {
    private Catalog() {}

    public record Alias(String name, String scriptRef, String description) {
        public Path script() {
            return Kit.DIR.resolve(scriptRef);
        }
    }

    /** Every alias, in the order of the file. */
    public static Map<String, Alias> aliases() {
        try {
            JsonObject root = JsonParser.parseString(Files.readString(Kit.DIR.resolve("jbang-catalog.json")))
                    .getAsJsonObject();
            Map<String, Alias> aliases = new LinkedHashMap<>();
            root.getAsJsonObject("aliases").entrySet().forEach(entry -> {
                JsonObject alias = entry.getValue().getAsJsonObject();
                aliases.put(entry.getKey(), new Alias(entry.getKey(), alias.get("script-ref").getAsString(),
                        alias.has("description") ? alias.get("description").getAsString() : ""));
            });
            return aliases;
        } catch (IOException e) {
            throw new AssertionError("cannot read jbang-catalog.json", e);
        }
    }
}
