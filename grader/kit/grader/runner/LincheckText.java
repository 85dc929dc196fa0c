package kit.grader.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes Lincheck's report readable in a terminal: drops its "Detailed trace" (the interleaving again, with every
 * source line), and in the interleaving keeps the calls of the test, of the learner's methods and what they touch
 * directly, plus every thread switch - not the JDK's internals several calls deeper, nor loop iterations.
 * The tables are then redrawn as narrow as their remaining text.
 */
final class LincheckText {
    /** Calls nested deeper than this (two spaces per level) are JDK internals for a learner's purposes. */
    private static final int MAX_INDENT = 6;

    private LincheckText() {}

    static String shorten(String text) {
        List<String> out = new ArrayList<>();
        List<String> table = new ArrayList<>();
        boolean inDetails = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("Detailed trace:")) {
                inDetails = true;
                continue;
            }
            if (inDetails) {
                inDetails = !line.isBlank();
                continue;
            }
            if (line.startsWith("|")) {
                table.add(line);
                continue;
            }
            out.addAll(redraw(table));
            table.clear();
            out.add(line);
        }
        out.addAll(redraw(table));
        return String.join("\n", out).strip();
    }

    private static List<String> redraw(List<String> table) {
        if (table.isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>(); // null row = separator
        int columns = 0;
        for (String line : table) {
            String inner = line.strip();
            inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
            if (inner.strip().matches("-+")) {
                rows.add(null);
                continue;
            }
            boolean header = rows.stream().noneMatch(r -> r != null);
            List<String> cells = Arrays.stream(inner.split("\\|", -1))
                    .map(cell -> header ? cell.strip() : keep(cell)).toList();
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;
            }
            columns = Math.max(columns, cells.size());
            rows.add(cells);
        }
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; row != null && c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        int total = Arrays.stream(widths).sum() + 3 * columns - 1;
        List<String> out = new ArrayList<>();
        for (List<String> row : rows) {
            if (row == null) {
                out.add("| " + "-".repeat(Math.max(1, total - 2)) + " |");
                continue;
            }
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                line.append(' ').append(cell).append(" ".repeat(widths[c] - cell.length())).append(" |");
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The cell's text if worth keeping (without trailing blanks), else empty. */
    private static String keep(String cell) {
        String text = cell.stripTrailing();
        if (text.startsWith(" ")) {
            text = text.substring(1); // the table's own padding
        }
        String content = text.strip();
        int indent = text.length() - text.stripLeading().length();
        if (content.startsWith("switch")) {
            return " ".repeat(Math.min(indent, MAX_INDENT)) + content;
        }
        return content.startsWith("<iteration") || indent > MAX_INDENT ? "" : text;
    }
}
