package io.stateway.gateway.auth;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One Spring Security {@link NimbusReactiveJwtDecoder} per JWT authorizer: signatures checked with the
 * authorizer's keys and pinned algorithms only; {@code exp} required; {@code exp}/{@code nbf} within the clock
 * skew; {@code iss} equal to the issuer; {@code aud} (or an access token's {@code client_id}) one of the
 * audiences. Tokens verified once are kept ({@link VerifiedTokens}) while the keys that verified them are current.
 */
@Component
class JwtDecoders {

    private final JwkSets keys;
    private final JwtProperties properties;
    private final Clock clock;
    private final VerifiedTokens verified;
    private final Map<AuthorizerConfig.Jwt, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();

    JwtDecoders(JwkSets keys, JwtProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.verified =
                new VerifiedTokens(clock, properties.verifiedTokensCacheSize().toBytes());
    }

    ReactiveJwtDecoder of(AuthorizerConfig.Jwt authorizer) {
        return decoders.computeIfAbsent(authorizer, this::create);
    }

    private ReactiveJwtDecoder create(AuthorizerConfig.Jwt authorizer) {
        NimbusReactiveJwtDecoder.JwkSourceReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder.withJwkSource(
                jwt -> keys.keys(authorizer.jwksUri(), authorizer.algorithms(), jwt.getHeader()));
        authorizer.algorithms().forEach(name -> builder.jwsAlgorithm(SignatureAlgorithm.from(name)));
        NimbusReactiveJwtDecoder decoder = builder.build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>("exp", Objects::nonNull),
                timestamps,
                new JwtIssuerValidator(authorizer.issuer()),
                audience(authorizer.audiences())));
        decoder.setJwtValidator(validator);
        return new VerifiedFirst(decoder, timestamps, authorizer.jwksUri());
    }

    /**
     * Looks a token up among those already verified with the authorizer's current keys before verifying
     * it; a token found there has its exp and nbf validated against the clock again, its signature is not
     * (nor its issuer and audience: the same text, checked by the same authorizer, that owns the entry).
     */
    private final class VerifiedFirst implements ReactiveJwtDecoder {

        private final ReactiveJwtDecoder verifier;
        private final OAuth2TokenValidator<Jwt> timestamps;
        private final URI jwksUri;

        private VerifiedFirst(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> timestamps, URI jwksUri) {
            this.verifier = verifier;
            this.timestamps = timestamps;
            this.jwksUri = jwksUri;
        }

        @Override
        public Mono<Jwt> decode(String token) {
            // The keys before verifying: an entry names the set that was current when its check began.
            Optional<JWKSet> current = keys.fresh(jwksUri);
            Optional<Jwt> known = current.flatMap(set -> verified.find(this, token, set));
            if (known.isPresent()) {
                OAuth2TokenValidatorResult result = timestamps.validate(known.get());
                return result.hasErrors()
                        ? Mono.error(new JwtValidationException(
                                result.getErrors().iterator().next().getDescription(), result.getErrors()))
                        : Mono.just(known.get());
            }
            return verifier.decode(token)
                    .doOnNext(jwt -> current.ifPresent(set -> verified.add(this, token, set, jwt)));
        }
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
