package io.stateway.gateway.gitops;

import io.stateway.gateway.api.openapi.DocumentParser;
import io.stateway.gateway.catalog.StageSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stages an API file is deployed to: {@code x-stateway-stages} at the document's root, a list of stage
 * names or an object of stage name to settings in the admin API's stage shape ({@code description},
 * {@code variables}, {@code throttling}, {@code cache}, {@code methodSettings}, {@code accessLogFormat});
 * without it, the default stage with default settings.
 */
final class FileStages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FileStages() {}

    static Map<String, StageSettings> of(String document, String defaultStage) {
        JsonNode stages = DocumentParser.parse(document).get("x-stateway-stages");
        Map<String, StageSettings> result = new LinkedHashMap<>();
        if (stages == null || stages.isNull()) {
            result.put(defaultStage, StageSettings.DEFAULT);
        } else if (stages.isArray()) {
            stages.forEach(name -> result.put(name.asString(), StageSettings.DEFAULT));
        } else if (stages.isObject()) {
            stages.properties()
                    .forEach(entry -> result.put(
                            entry.getKey(),
                            JSON.treeToValue(entry.getValue(), Stage.class).settings()));
        } else {
            throw new IllegalArgumentException(
                    "x-stateway-stages must be a list of stage names or an object of stages");
        }
        return result;
    }

    /** A stage's settings as a file writes them; absent fields take AWS's defaults. */
    record Stage(
            String description,
            Map<String, String> variables,
            StageSettings.Throttling throttling,
            Cache cache,
            Map<String, StageSettings.MethodSetting> methodSettings,
            String accessLogFormat) {

        StageSettings settings() {
            return new StageSettings(
                    description,
                    variables,
                    throttling,
                    cache == null ? StageSettings.CacheSettings.DISABLED : cache.settings(),
                    methodSettings,
                    accessLogFormat);
        }
    }

    record Cache(
            Boolean enabled,
            Integer ttlSeconds,
            Boolean requireAuthorizationForCacheControl,
            StageSettings.UnauthorizedCacheControlStrategy unauthorizedCacheControlHeaderStrategy) {

        StageSettings.CacheSettings settings() {
            return new StageSettings.CacheSettings(
                    enabled != null && enabled,
                    ttlSeconds == null ? StageSettings.CacheSettings.DEFAULT_TTL_SECONDS : ttlSeconds,
                    requireAuthorizationForCacheControl == null || requireAuthorizationForCacheControl,
                    unauthorizedCacheControlHeaderStrategy);
        }
    }
}
