package io.stateway.gateway.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stage settings to and from their columns (variables and method settings are JSON text). */
@Component
class StageCodec {

    private static final TypeReference<LinkedHashMap<String, String>> VARIABLES = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, StageSettings.MethodSetting>> METHOD_SETTINGS =
            new TypeReference<>() {};

    private final JsonMapper json;

    StageCodec(JsonMapper json) {
        this.json = json;
    }

    String variables(Map<String, String> variables) {
        return json.writeValueAsString(variables);
    }

    String methodSettings(Map<String, StageSettings.MethodSetting> settings) {
        return json.writeValueAsString(settings);
    }

    StageSettings settings(StageEntity stage) {
        return new StageSettings(
                stage.description(),
                json.readValue(stage.variables(), VARIABLES),
                new StageSettings.Throttling(stage.throttlingRateLimit(), stage.throttlingBurstLimit()),
                new StageSettings.CacheSettings(
                        stage.cacheEnabled(),
                        stage.cacheTtlSeconds(),
                        stage.cacheRequireAuthorization(),
                        StageSettings.UnauthorizedCacheControlStrategy.valueOf(stage.cacheUnauthorizedStrategy())),
                json.readValue(stage.methodSettings(), METHOD_SETTINGS),
                stage.accessLogFormat());
    }

    StageDescription describe(StageEntity stage) {
        return new StageDescription(
                stage.apiId(),
                stage.name(),
                stage.deploymentId(),
                settings(stage),
                stage.createdAt(),
                stage.updatedAt());
    }
}
