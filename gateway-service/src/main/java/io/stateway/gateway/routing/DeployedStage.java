package io.stateway.gateway.routing;

import io.stateway.gateway.catalog.StageSettings;
import java.util.Map;

/**
 * A stage as the data plane serves it.
 *
 * @param api the deployment the stage serves, compiled
 * @param name the stage's name
 * @param settings variables, cache, throttling, access log
 */
public record DeployedStage(CompiledApi api, String name, StageSettings settings) {

    /** The stage variables, or null when the stage has none (as the Lambda proxy event carries them). */
    public Map<String, String> variablesOrNull() {
        return settings.variables().isEmpty() ? null : settings.variables();
    }
}
