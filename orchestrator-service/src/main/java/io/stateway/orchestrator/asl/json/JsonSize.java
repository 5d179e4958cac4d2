package io.stateway.orchestrator.asl.json;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Whether a value's JSON text exceeds a byte limit, without writing the text in the common case:
 * a quick walk bounds the size from above (every character counted at its worst escaped width),
 * and only a value whose bound passes the limit is serialised to measure it exactly.
 */
public final class JsonSize {

    /** The widest a character can get in UTF-8 JSON text: {@code \\u0000}. */
    private static final int WORST_CHAR_BYTES = 6;

    private JsonSize() {}

    public static boolean exceeds(JsonNode value, long limit) {
        if (upperBound(value, limit) <= limit) {
            return false;
        }
        return Json.text(value).getBytes(StandardCharsets.UTF_8).length > limit;
    }

    /** An upper bound of the text's size; stops counting once it passes {@code stopAt}. */
    private static long upperBound(JsonNode value, long stopAt) {
        return switch (value.getNodeType()) {
            case STRING -> 2 + (long) value.stringValue().length() * WORST_CHAR_BYTES;
            case NUMBER -> 40;
            case BOOLEAN, NULL -> 5;
            case ARRAY -> {
                long size = 2;
                for (JsonNode element : value) {
                    size += 1 + upperBound(element, stopAt);
                    if (size > stopAt) {
                        break;
                    }
                }
                yield size;
            }
            case OBJECT -> {
                long size = 2;
                for (var member : value.properties()) {
                    size += 4
                            + (long) member.getKey().length() * WORST_CHAR_BYTES
                            + upperBound(member.getValue(), stopAt);
                    if (size > stopAt) {
                        break;
                    }
                }
                yield size;
            }
            default -> stopAt + 1;
        };
    }
}
