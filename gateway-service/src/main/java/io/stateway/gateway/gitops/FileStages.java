package io.stateway.gateway.gitops;

import io.stateway.gateway.api.openapi.DocumentParser;
import io.stateway.gateway.catalog.StageInput;
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
                            JSON.treeToValue(entry.getValue(), StageInput.class).settings()));
        } else {
            throw new IllegalArgumentException(
                    "x-stateway-stages must be a list of stage names or an object of stages");
        }
        return result;
    }
}
