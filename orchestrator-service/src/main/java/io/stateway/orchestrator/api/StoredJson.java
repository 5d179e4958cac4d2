package io.stateway.orchestrator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON text for configuration records stored in text columns (logging, encryption): written
 * without null members, read back into the same records.
 */
public final class StoredJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private StoredJson() {}

    public static String write(Object value) {
        return value == null ? null : MAPPER.writeValueAsString(value);
    }

    /** Reads what {@link #write} wrote; a row that does not read back is a bug, not bad input. */
    public static <T> T read(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readValue(text, type);
        } catch (JacksonException corrupt) {
            throw new IllegalStateException("Stored JSON does not read as " + type.getSimpleName(), corrupt);
        }
    }
}
