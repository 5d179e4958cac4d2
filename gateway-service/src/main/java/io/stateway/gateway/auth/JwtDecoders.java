package io.stateway.gateway.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * One Spring Security {@link NimbusReactiveJwtDecoder} per JWT authorizer: signatures checked with the
 * authorizer's keys and pinned algorithms only; {@code exp} required; {@code exp}/{@code nbf} within the clock
 * skew; {@code iss} equal to the issuer; {@code aud} (or an access token's {@code client_id}) one of the
 * audiences.
 */
@Component
class JwtDecoders {

    private final JwkSets keys;
    private final JwtProperties properties;
    private final Map<AuthorizerConfig.Jwt, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();

    JwtDecoders(JwkSets keys, JwtProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    ReactiveJwtDecoder of(AuthorizerConfig.Jwt authorizer) {
        return decoders.computeIfAbsent(authorizer, this::create);
    }

    private ReactiveJwtDecoder create(AuthorizerConfig.Jwt authorizer) {
        NimbusReactiveJwtDecoder.JwkSourceReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder.withJwkSource(
                jwt -> keys.keys(authorizer.jwksUri(), authorizer.algorithms(), jwt.getHeader()));
        authorizer.algorithms().forEach(name -> builder.jwsAlgorithm(SignatureAlgorithm.from(name)));
        NimbusReactiveJwtDecoder decoder = builder.build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>("exp", Objects::nonNull),
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(authorizer.issuer()),
                audience(authorizer.audiences()))));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(List<String> audiences) {
        OAuth2Error wrong = new OAuth2Error("invalid_token", "The token is not for this audience", null);
        return jwt -> {
            Collection<String> aud = jwt.getAudience();
            boolean ok = aud != null && aud.stream().anyMatch(audiences::contains);
            // Cognito access tokens carry the app client in client_id and have no aud.
            ok |= aud == null && audiences.contains(jwt.getClaimAsString("client_id"));
            return ok ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(wrong);
        };
    }
}
