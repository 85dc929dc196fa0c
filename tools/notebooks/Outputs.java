///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 21+
//DEPS com.google.code.gson:gson:2.13.1
//SOURCES NotebookJson.java

// Prints what an executed notebook shows, cell by cell, as plain text - for tests and for reading a run in a terminal.
//
// Run:  ./jbang tools/notebooks/Outputs.java notebooks/2-thread-safety.ipynb
//
// Each code cell is "=== <cell id>" followed by its printed text and results; an image is "[image/png WxH]" and a
// failed cell "[error <exception>: <message>]".

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

public class Outputs {
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: ./jbang tools/notebooks/Outputs.java <executed-notebook.ipynb>");
            System.exit(2);
        }
        JsonObject notebook = JsonParser.parseString(Files.readString(Path.of(args[0]))).getAsJsonObject();
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            System.out.println("=== " + cell.get("id").getAsString());
            for (JsonElement output : cell.getAsJsonArray("outputs")) {
                System.out.print(describe(output.getAsJsonObject()));
            }
        }
    }

    private static String describe(JsonObject output) {
        return switch (output.get("output_type").getAsString()) {
            case "stream" -> NotebookJson.text(output.get("text"));
            case "error" -> "[error " + firstTracebackLine(output) + "]\n";
            default -> {
                JsonObject data = output.getAsJsonObject("data");
                if (data.has("image/png")) {
                    yield "[image/png " + pngSize(NotebookJson.text(data.get("image/png"))) + "]\n";
                }
                yield data.has("text/plain") ? NotebookJson.text(data.get("text/plain")) + "\n"
                        : "[" + String.join(", ", data.keySet()) + "]\n";
            }
        };
    }

    /** What the kernel says first about an exception, e.g. "java.lang.IllegalStateException: boom". */
    private static String firstTracebackLine(JsonObject error) {
        var traceback = error.getAsJsonArray("traceback");
        String first = traceback == null || traceback.isEmpty()
                ? error.get("ename").getAsString() + ": " + error.get("evalue").getAsString()
                : traceback.get(0).getAsString();
        return first.replaceAll("\u001b\\[[0-9;]*m", "").strip();
    }

    /** "WxH" from a base64 PNG: width and height are the first two ints of the IHDR chunk, at byte 16. */
    private static String pngSize(String base64) {
        ByteBuffer png = ByteBuffer.wrap(Base64.getMimeDecoder().decode(base64));
        return png.getInt(16) + "x" + png.getInt(20);
    }
}
