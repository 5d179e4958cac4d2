package io.stateway.authorizer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of authorizer-service, under {@code stateway.authorizer}; defaults and their
 * documentation are in {@code application.yaml}, and docs/configuration.md lists them all.
 *
 * @param schema the PostgreSQL schema this service owns: Flyway migrates it, connections use it
 * @param admin the admin API's credential
 * @param internal the credential of the gateway's calls ({@code /internal/v1})
 * @param apiKeys how API keys are made and stored
 * @param redis where the gateway's usage counters are read
 * @param credentials IAM-style access keys for SigV4
 * @param tokenEndpoint the OAuth 2.0 client-credentials token endpoint
 */
@Validated
@ConfigurationProperties("stateway.authorizer")
public record AuthorizerProperties(
        @NotNull
        @Pattern(
                regexp = "[a-z_][a-z0-9_]{0,62}",
                message = "must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63)")
        String schema,

        @NotNull @Valid Admin admin,
        @NotNull @Valid Internal internal,
        @NotNull @Valid ApiKeys apiKeys,
        @NotNull @Valid Redis redis,
        @NotNull @Valid Credentials credentials,
        @NotNull @Valid TokenEndpoint tokenEndpoint) {

    /**
     * @param token the bearer token of {@code /admin/v1}; empty: generated at start-up and written to
     *     {@code tokenFile}
     * @param tokenFile where a generated token is written (owner-readable only)
     */
    public record Admin(@NotNull String token, @NotNull Path tokenFile) {}

    /**
     * @param token the bearer token the gateway presents on {@code /internal/v1} (a shared secret, at
     *     least 32 characters); empty: {@code /internal/v1} refuses every call; empty: {@code /internal/v1} refuses every call
     * @param snapshotWait the longest a snapshot request waiting for a change is held open
     */
    public record Internal(
            @NotNull @Pattern(regexp = "|.{32,}", message = "must be empty or have at least 32 characters")
            String token,

            @NotNull Duration snapshotWait) {}

    /**
     * @param pepper the secret API keys are hashed with (HMAC-SHA256), shared with the gateway only; empty:
     *     API keys cannot be created; empty:
     *     API keys cannot be created
     * @param valuePrefix the visible start of generated keys, so that leaked keys are recognisable
     */
    public record ApiKeys(
            @NotNull @Pattern(regexp = "|.{32,}", message = "must be empty or have at least 32 characters")
            String pepper,

            @NotBlank @Pattern(regexp = "[A-Za-z0-9_]{1,8}") String valuePrefix) {}

    /**
     * @param masterKey base64 of the 32-byte AES-256 key secret access keys are encrypted with (AES-GCM);
     *     empty: access keys cannot be created or used
     * @param region the region SigV4 requests must be scoped to
     * @param maxClockSkew how far a request's {@code X-Amz-Date} may be from now (AWS: 15 minutes)
     */
    public record Credentials(
            @NotNull String masterKey,
            @NotBlank String region,
            @NotNull Duration maxClockSkew) {}

    /**
     * @param enabled serve {@code POST /oauth2/token} (client credentials) and {@code GET /oauth2/jwks}
     * @param issuer the {@code iss} of issued tokens (this service's public URL); empty: the URL each
     *     token request came to
     * @param accessTokenTtl how long an issued token is valid
     * @param clients clients configured here (more can be added through the admin API)
     */
    public record TokenEndpoint(
            boolean enabled,
            @NotNull String issuer,
            @NotNull Duration accessTokenTtl,
            @NotNull List<@Valid Client> clients) {

        public TokenEndpoint {
            clients = clients == null ? List.of() : List.copyOf(clients);
        }
    }

    /**
     * A client of the token endpoint.
     *
     * @param clientId its id, the {@code sub} of its tokens
     * @param clientSecret its secret (client_secret_basic or client_secret_post)
     * @param scopes the scopes it may ask for
     * @param audiences the {@code aud} of its tokens; empty: its client id
     */
    public record Client(
            @NotBlank String clientId,
            @NotBlank @Size(min = 16) String clientSecret,
            List<String> scopes,
            List<String> audiences) {

        public Client {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }

    /** @param keyPrefix the gateway's Redis key prefix ({@code stateway.gateway.redis.key-prefix}) */
    public record Redis(@NotBlank String keyPrefix) {}
}
