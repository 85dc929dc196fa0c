// What the notebook tools (Build.java, Outputs.java) read the same way from a notebook's JSON; pulled in by their
// //SOURCES line, not a script of its own.

import com.google.gson.JsonElement;

final class NotebookJson {
    private NotebookJson() {}

    /** A cell's source or an output's text: one string, or a list of lines to join (nbformat allows both). */
    static String text(JsonElement value) {
        if (value.isJsonPrimitive()) {
            return value.getAsString();
        }
        StringBuilder text = new StringBuilder();
        value.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }
}
