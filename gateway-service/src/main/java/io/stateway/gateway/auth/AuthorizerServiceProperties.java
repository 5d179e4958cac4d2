package io.stateway.gateway.auth;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway reaches the authorizer-service, under {@code stateway.gateway.authorizer}; defaults and
 * their documentation are in {@code application.yaml}.
 *
 * @param url the authorizer-service's base URL
 * @param internalToken the bearer token of its {@code /internal/v1} endpoints (its
 *     {@code stateway.authorizer.internal.token}); empty: SigV4 methods fail closed (500) and API keys are
 *     not loaded (API-key methods answer 403)
 * @param apiKeyPepper the secret API keys are hashed with (its {@code stateway.authorizer.api-keys.pepper},
 *     at least 32 characters); empty: API keys are not loaded
 * @param timeout how long one call may take
 * @param retryInterval how long to wait after a failed key-snapshot fetch before the next
 */
@Validated
@ConfigurationProperties("stateway.gateway.authorizer")
public record AuthorizerServiceProperties(
        @NotNull URI url,
        @NotNull String internalToken,
        @NotNull String apiKeyPepper,
        @NotNull Duration timeout,
        @NotNull Duration retryInterval) {

    /** Whether API keys can be loaded and checked: both shared secrets are set. */
    public boolean apiKeysConfigured() {
        return !internalToken.isEmpty() && !apiKeyPepper.isEmpty();
    }
}
