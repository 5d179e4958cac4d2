package io.stateway.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of gateway-service, under {@code stateway.gateway}; defaults and their documentation are
 * in {@code application.yaml}, and docs/configuration.md lists them all.
 *
 * @param schema the PostgreSQL schema this service owns (API definitions, stages): Flyway migrates
 *     it, connections use it
 * @param redis how the gateway uses Redis
 * @param accountId the account id of {@code $context.accountId} and of ARNs the gateway builds
 * @param region the region of ARNs the gateway builds
 * @param admin the admin API
 * @param catalog how replicas follow changes of the catalog
 * @param gitops APIs loaded from files at start-up
 * @param limits payload limits
 * @param templates caps of mapping templates
 * @param integrations backends: timeouts and circuit breakers
 * @param functions where Lambda-style functions are reached
 * @param orchestrator where the Step Functions API is reached
 * @param cache the response cache
 * @param accessLog access log lines
 */
@Validated
@ConfigurationProperties("stateway.gateway")
public record GatewayProperties(
        @NotNull
        @Pattern(
                regexp = "[a-z_][a-z0-9_]{0,62}",
                message = "must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63)")
        String schema,

        @NotNull @Valid Redis redis,

        @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits")
        String accountId,

        @NotBlank String region,
        @NotNull @Valid Admin admin,
        @NotNull @Valid Catalog catalog,
        @NotNull @Valid GitOps gitops,
        @NotNull @Valid Limits limits,
        @NotNull @Valid Templates templates,
        @NotNull @Valid Integrations integrations,
        @NotNull @Valid Functions functions,
        @NotNull @Valid Orchestrator orchestrator,
        @NotNull @Valid Cache cache,
        @NotNull @Valid AccessLog accessLog) {

    /**
     * @param keyPrefix put in front of every key the gateway writes (rate limits, quotas, cached
     *     responses), so that several deployments, or test classes, can share one Redis
     */
    public record Redis(@NotBlank String keyPrefix) {}

    /**
     * @param port the admin API's own port (0: a free one); the data plane never serves it
     * @param address the address it binds to
     * @param token the bearer token admin calls must present; when empty, one is generated at start-up
     *     and written to {@code tokenFile}
     * @param tokenFile where a generated token is written (owner-readable only)
     */
    public record Admin(
            @Min(0) @Max(65535) int port,
            @NotBlank String address,
            @NotNull String token,
            @NotNull Path tokenFile) {}

    /** @param refreshInterval how often a replica checks the catalog for changes */
    public record Catalog(@NotNull Duration refreshInterval) {}

    /**
     * @param directory where API documents are loaded from at start-up; empty: none
     * @param defaultStage the stage a file's API is deployed to when it names none ({@code x-stateway-stages})
     */
    public record GitOps(
            @NotNull String directory, @NotBlank String defaultStage) {}

    /**
     * @param maxRequestBytes request payloads above this get 413 (API Gateway: 10 MB)
     * @param maxResponseBytes integration responses above this are refused (API Gateway: 10 MB)
     */
    public record Limits(
            @NotNull DataSize maxRequestBytes, @NotNull DataSize maxResponseBytes) {}

    /**
     * @param maxLoopIterations iterations of one {@code #foreach} (API Gateway: 1,000)
     * @param maxOutput what one rendering may produce
     * @param maxRenderTime how long one rendering may run
     */
    public record Templates(
            @Min(1) int maxLoopIterations,
            @NotNull DataSize maxOutput,
            @NotNull Duration maxRenderTime) {}

    /**
     * @param connectTimeout how long to wait for a backend connection
     * @param circuitBreaker the breaker kept per backend target
     * @param allowedNetworks CIDR blocks an API-defined integration may reach although they are loopback,
     *     private, link-local, CGNAT or unspecified (refused by default, against SSRF); empty: none
     */
    public record Integrations(
            @NotNull Duration connectTimeout,
            @NotNull @Valid CircuitBreaker circuitBreaker,
            @NotNull List<String> allowedNetworks) {}

    /**
     * @param failureRateThreshold percentage of failed calls (errors and timeouts) that opens the breaker
     * @param minimumCalls calls needed before the rate counts
     * @param slidingWindowSize calls the rate is computed over
     * @param waitInOpenState how long an open breaker refuses calls before it lets a few through
     */
    public record CircuitBreaker(
            @Min(1) @Max(100) int failureRateThreshold,
            @Min(1) int minimumCalls,
            @Min(1) int slidingWindowSize,
            @NotNull Duration waitInOpenState) {}

    /**
     * Until the orchestrator's function registry exists, the gateway's own map of functions.
     *
     * @param endpoints function name or full ARN to the URL its invocations are POSTed to
     * @param urlTemplate for functions not in {@code endpoints}: a URL with {@code {name}}; empty: none
     */
    public record Functions(
            @NotNull Map<String, URI> endpoints, @NotNull String urlTemplate) {}

    /** @param url the orchestrator's AWS JSON 1.0 endpoint (StartExecution, StartSyncExecution) */
    public record Orchestrator(@NotNull URI url) {}

    /**
     * @param maxEntryBytes responses larger than this are not cached
     * @param commandTimeout how long a cache read or write may take before the request goes on without
     *     the cache (a miss, or an entry not stored)
     */
    public record Cache(
            @NotNull DataSize maxEntryBytes, @NotNull Duration commandTimeout) {}

    /**
     * @param enabled write one line per request to the {@code stateway.gateway.access} logger
     * @param defaultFormat the line in AWS's {@code $context} format, for stages that set none
     */
    public record AccessLog(boolean enabled, @NotBlank String defaultFormat) {}
}
