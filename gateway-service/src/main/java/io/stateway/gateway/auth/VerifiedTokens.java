package io.stateway.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens whose signature an authorizer's decoder has verified, by the exact token text, so that a client
 * presenting the same token again is not verified (RSA, parsing, claim conversion) on every request. An
 * entry stands only while the key set that verified it is the authorizer's current one (a fetched set
 * replaces it: rotated or revoked keys are not honoured any longer than without this cache) and never
 * past the token's {@code exp}. It stands for what the token's text alone decides (signature, issuer,
 * audience); exp and nbf are validated against the clock again on every use, and scopes are the caller's,
 * per method. Refused tokens are never kept. Bounded by the total length of the tokens held.
 */
final class VerifiedTokens {

    private final Clock clock;
    private final Cache<Key, Verified> verified;

    /**
     * @param clock the service's clock (the time that ends an entry at its token's {@code exp})
     * @param maxChars the total length of the tokens kept; 0 keeps none
     */
    VerifiedTokens(Clock clock, long maxChars) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumWeight(maxChars)
                .weigher((Key key, Verified entry) -> key.token().length())
                .executor(Runnable::run) // evictions at once, on the calling thread, not on a shared pool
                .expireAfter(Expiry.creating((Key key, Verified entry) -> entry.lifetime()))
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .build();
    }

    /** The token as verified by this verifier with these keys, if it was. */
    Optional<Jwt> find(Object verifier, String token, JWKSet keys) {
        Verified entry = verified.getIfPresent(new Key(verifier, token));
        // Another key set (fetched since) may no longer hold the key that signed it.
        return entry != null
                        && entry.keys() == keys
                        && clock.instant().isBefore(entry.jwt().getExpiresAt())
                ? Optional.of(entry.jwt())
                : Optional.empty();
    }

    /** Records a token this verifier accepted with these keys (a token without {@code exp} is not kept). */
    void add(Object verifier, String token, JWKSet keys, Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return;
        }
        Duration lifetime = Duration.between(clock.instant(), expiresAt);
        if (lifetime.isPositive()) {
            verified.put(new Key(verifier, token), new Verified(jwt, keys, lifetime));
        }
    }

    /** The verifier is the decoder of one authorizer: the same token may be valid for one and not another. */
    private record Key(Object verifier, String token) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.verifier == verifier && key.token.equals(token);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(verifier) * 31 + token.hashCode();
        }
    }

    private record Verified(Jwt jwt, JWKSet keys, Duration lifetime) {}
}
