package io.stateway.orchestrator.api.statemachine;

/** AWS's {@code TracingConfiguration} (X-Ray); stored and reported as given. */
public record TracingConfiguration(Boolean enabled) {

    boolean isEnabled() {
        return enabled != null && enabled;
    }
}
