package io.stateway.gateway.vtl;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as mapping templates see it: parsed by Jayway JsonPath with json-smart, as API Gateway does, so
 * that objects are maps that print as {@code {a=1}} and arrays are lists that print as JSON text, exactly
 * as AWS renders {@code $input.path(...)}.
 */
public final class JsonValues {

    private static final Configuration CONFIGURATION =
            Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS);
    private static final JsonMapper WRITER = JsonMapper.builder().build();
    private static final int MAX_CACHED_PATHS = 4096;
    private static final Map<String, JsonPath> PATHS = new ConcurrentHashMap<>();

    private JsonValues() {}

    /** The parsed text (map, list, string, number, boolean), or null if it is not JSON. */
    public static Object parse(String text) {
        try {
            return CONFIGURATION.jsonProvider().parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The value at a JSONPath in a parsed document; null if there is none or the path is invalid. */
    public static Object read(Object document, String path) {
        if (document == null || path == null) {
            return null;
        }
        try {
            JsonPath compiled = PATHS.get(path);
            if (compiled == null) {
                compiled = JsonPath.compile(path);
                if (PATHS.size() < MAX_CACHED_PATHS) {
                    PATHS.put(path, compiled);
                }
            }
            return compiled.read(document, CONFIGURATION);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Compact JSON text of a value read from a document. */
    public static String write(Object value) {
        return WRITER.writeValueAsString(value);
    }
}
