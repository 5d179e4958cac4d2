package io.stateway.gateway.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A usage plan stage's per-method throttles to and from their JSON column. */
@Converter
class MethodThrottlesConverter implements AttributeConverter<Map<String, StageSettings.Throttling>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, StageSettings.Throttling>> TYPE = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, StageSettings.Throttling> throttles) {
        return JSON.writeValueAsString(throttles == null ? Map.of() : throttles);
    }

    @Override
    public Map<String, StageSettings.Throttling> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? Map.of() : JSON.readValue(column, TYPE);
    }
}
