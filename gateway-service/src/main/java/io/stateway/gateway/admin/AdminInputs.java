package io.stateway.gateway.admin;

import io.stateway.gateway.catalog.StageInput;
import io.stateway.gateway.catalog.StageSettings;
import java.util.Map;

/** Request bodies of the admin API. Absent fields take the defaults AWS uses. */
final class AdminInputs {

    private AdminInputs() {}

    record Deployment(String stageName, String description, Map<String, String> variables) {}

    record Stage(
            String deploymentId,
            String description,
            Map<String, String> variables,
            StageSettings.Throttling throttling,
            StageInput.Cache cache,
            Map<String, StageSettings.MethodSetting> methodSettings,
            String accessLogFormat) {

        StageSettings settings() {
            return new StageInput(description, variables, throttling, cache, methodSettings, accessLogFormat)
                    .settings();
        }
    }
}
