package io.stateway.orchestrator.api.function;

import io.stateway.orchestrator.StepFunctionsException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Functions configured with the service, under {@code stateway.orchestrator.functions}; the
 * documentation is in {@code application.yaml}. Start-up fails on an entry that is not a valid
 * function name or ARN, URL or timeout.
 *
 * @param endpoints the configured functions; the API cannot change or delete them
 */
@Validated
@ConfigurationProperties("stateway.orchestrator.functions")
public record FunctionProperties(@NotNull List<@Valid Endpoint> endpoints) {

    public FunctionProperties {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        try {
            for (Endpoint endpoint : endpoints) {
                FunctionKeys.parse(endpoint.function());
                FunctionKeys.checkUrl(endpoint.url());
                FunctionKeys.checkTimeout(endpoint.timeout());
            }
        } catch (StepFunctionsException invalid) {
            throw new IllegalArgumentException("stateway.orchestrator.functions: " + invalid.getMessage(), invalid);
        }
    }

    /**
     * @param function a function name ({@code orders}) or unqualified function ARN
     * @param url the endpoint the event is POSTed to
     * @param timeout how long one call may take; absent: the task's own timeout
     */
    public record Endpoint(
            @NotBlank String function, @NotNull URI url, Duration timeout) {}
}
