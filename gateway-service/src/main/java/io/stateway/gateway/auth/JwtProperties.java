package io.stateway.gateway.auth;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of JWT authorizers, under {@code stateway.gateway.jwt}; defaults and their documentation are in
 * {@code application.yaml}.
 *
 * @param maxTokenSize longer tokens are refused (401) before they are parsed
 * @param clockSkew tolerance of {@code exp} and {@code nbf}
 * @param jwksCacheTtl how long a fetched key set is used before it is fetched again
 * @param jwksRefetchInterval a token naming an unknown {@code kid} fetches the key set again at most once per
 *     interval (per key set): unknown kids cannot make the gateway hammer the identity provider
 * @param jwksTimeout how long fetching a key set may take
 * @param verifiedTokensCacheSize the total length of the tokens kept as verified (their signature is not
 *     checked again while their key set is current and they have not expired); 0 keeps none
 */
@Validated
@ConfigurationProperties("stateway.gateway.jwt")
public record JwtProperties(
        @NotNull DataSize maxTokenSize,
        @NotNull Duration clockSkew,
        @NotNull Duration jwksCacheTtl,
        @NotNull Duration jwksRefetchInterval,
        @NotNull Duration jwksTimeout,
        @NotNull DataSize verifiedTokensCacheSize) {}
