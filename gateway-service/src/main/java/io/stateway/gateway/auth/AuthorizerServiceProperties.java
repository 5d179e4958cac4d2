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
 *     {@code stateway.authorizer.internal.token}); empty: SigV4 methods fail closed (500)
 * @param timeout how long one call may take
 */
@Validated
@ConfigurationProperties("stateway.gateway.authorizer")
public record AuthorizerServiceProperties(
        @NotNull URI url,
        @NotNull String internalToken,
        @NotNull Duration timeout) {}
