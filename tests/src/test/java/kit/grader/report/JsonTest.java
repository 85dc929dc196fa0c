package kit.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result files' JSON writer: its layout, and strings that any JSON parser reads back unchanged. */
class JsonTest {
    @Test
    void writesMapsInTheirOrderListsNumbersAndBooleansIndented() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("score", 3);
        value.put("passed", false);
        value.put("tests", List.of(Map.of("name", "a"), List.of()));
        value.put("empty", Map.of());
        assertEquals("""
                {
                  "score": 3,
                  "passed": false,
                  "tests": [
                    {
                      "name": "a"
                    },
                    []
                  ],
                  "empty": {}
                }
                """, Json.write(value));
    }

    @Test
    void escapesWhatJsonRequiresAndKeepsTheRest() {
        String text = "quote \" backslash \\ newline \n return \r tab \t bell \u0007 nul \u0000 arrow ➜ é";
        String json = Json.write(text);
        assertEquals("\"quote \\\" backslash \\\\ newline \\n return \\r tab \\t bell \\u0007 nul \\u0000"
                + " arrow ➜ é\"\n", json);
        assertEquals(text, JsonParser.parseString(json).getAsString());
    }
}
