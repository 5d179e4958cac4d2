package io.stateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(clock, 1 << 20);
    private final Object authorizer = new Object();
    private final JWKSet keys = new JWKSet();

    @Test
    void tokenVerifiedWithTheCurrentKeys_isFoundByItsExactText() {
        Jwt jwt = jwt("a.b.c", NOW.plusSeconds(300));

        tokens.add(authorizer, "a.b.c", keys, jwt);

        assertThat(tokens.find(authorizer, "a.b.c", keys)).contains(jwt);
        assertThat(tokens.find(authorizer, "a.b.c ", keys)).isEmpty();
        assertThat(tokens.find(authorizer, "a.b.C", keys)).isEmpty();
    }

    @Test
    void tokenVerifiedWithAnEarlierKeySet_isNotFound() {
        tokens.add(authorizer, "a.b.c", keys, jwt("a.b.c", NOW.plusSeconds(300)));

        assertThat(tokens.find(authorizer, "a.b.c", new JWKSet())).isEmpty();
    }

    @Test
    void tokenVerifiedByAnotherAuthorizer_isNotFound() {
        tokens.add(authorizer, "a.b.c", keys, jwt("a.b.c", NOW.plusSeconds(300)));

        assertThat(tokens.find(new Object(), "a.b.c", keys)).isEmpty();
    }

    @Test
    void token_isNotFoundOnceItsExpHasPassed() {
        tokens.add(authorizer, "a.b.c", keys, jwt("a.b.c", NOW.plusSeconds(300)));

        clock.set(NOW.plusSeconds(299));
        assertThat(tokens.find(authorizer, "a.b.c", keys)).isPresent();
        clock.set(NOW.plusSeconds(300));
        assertThat(tokens.find(authorizer, "a.b.c", keys)).isEmpty();
    }

    @Test
    void tokenAlreadyExpiredOrWithoutExp_isNotKept() {
        tokens.add(authorizer, "expired", keys, jwt("expired", NOW.minusSeconds(1)));
        tokens.add(authorizer, "no-exp", keys, jwt("no-exp", null));

        assertThat(tokens.find(authorizer, "expired", keys)).isEmpty();
        assertThat(tokens.find(authorizer, "no-exp", keys)).isEmpty();
    }

    @Test
    void sizeZero_keepsNoToken() {
        VerifiedTokens none = new VerifiedTokens(clock, 0);

        none.add(authorizer, "a.b.c", keys, jwt("a.b.c", NOW.plusSeconds(300)));

        assertThat(none.find(authorizer, "a.b.c", keys)).isEmpty();
    }

    @Test
    void tokensBeyondTheSize_areNotAllKept() {
        VerifiedTokens small = new VerifiedTokens(clock, 10);

        small.add(authorizer, "aaaaaaaa", keys, jwt("aaaaaaaa", NOW.plusSeconds(300)));
        small.add(authorizer, "bbbbbbbb", keys, jwt("bbbbbbbb", NOW.plusSeconds(300)));

        assertThat(small.find(authorizer, "aaaaaaaa", keys).isPresent()
                        && small.find(authorizer, "bbbbbbbb", keys).isPresent())
                .isFalse();
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("alice")
                .issuedAt(NOW.minus(Duration.ofMinutes(1)));
        return expiresAt == null
                ? builder.build()
                : builder.expiresAt(expiresAt).build();
    }

    /** A clock the test moves. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
