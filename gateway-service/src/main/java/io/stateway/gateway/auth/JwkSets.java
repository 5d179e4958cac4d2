package io.stateway.gateway.auth;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import io.stateway.gateway.integration.BackendClient;
import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.HeaderList;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The signing keys of JWT authorizers, fetched from their JWKS URIs and kept for the cache TTL. A token whose
 * {@code kid} is not in the set fetches it again (a key rotation), at most once per refetch interval; the
 * token header's {@code jku} and {@code x5u} are never followed: keys come only from the configured URI.
 * That URI comes from an API definition, so it is fetched as integrations are (RELIABILITY.md §3.7): an
 * address the SSRF guard blocks is never connected to, redirects are not followed, and either way the key
 * set is unavailable. The one exception is the authorizer-service's own origin (its token endpoint's key
 * set): the operator configured that address, so it is reached like the service's other internal calls.
 */
@Component
class JwkSets {

    private static final long MAX_JWKS_BYTES = 1 << 20;

    private final BackendClient client;
    private final JwtProperties properties;
    private final URI authorizerService;
    private final Map<URI, Source> sources = new ConcurrentHashMap<>();

    JwkSets(BackendClient client, JwtProperties properties, AuthorizerServiceProperties authorizerService) {
        this.client = client;
        this.properties = properties;
        this.authorizerService = authorizerService.url();
    }

    /** The keys that may have signed a token with this header, for an authorizer pinned to these algorithms. */
    Flux<JWK> keys(URI jwksUri, Set<String> algorithms, JWSHeader header) {
        if (header.getAlgorithm() == null
                || !algorithms.contains(header.getAlgorithm().getName())) {
            return Flux.empty();
        }
        Source source = sources.computeIfAbsent(jwksUri, Source::new);
        return source.current().flatMapMany(set -> {
            List<JWK> matches = select(set, header);
            if (!matches.isEmpty() || !source.mayRefetch()) {
                return Flux.fromIterable(matches);
            }
            return source.fetch().flatMapIterable(fresh -> select(fresh, header));
        });
    }

    /**
     * The key set of this URI as requests use it now, if one was fetched and is within its cache TTL; the
     * same instance until a fetch replaces it.
     */
    Optional<JWKSet> fresh(URI jwksUri) {
        Source source = sources.get(jwksUri);
        return source == null ? Optional.empty() : source.fresh();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static List<JWK> select(JWKSet set, JWSHeader header) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        return matcher == null ? List.of() : new JWKSelector(matcher).select(set);
    }

    /** One key set: the last one read, when, and the fetch under way, shared by concurrent requests. */
    private final class Source {
        private final URI uri;
        private volatile JWKSet keys;
        private volatile long fetchedAt;
        private volatile long refetchedAt = System.nanoTime() - Long.MAX_VALUE / 2;
        private Mono<JWKSet> inFlight;

        private Source(URI uri) {
            this.uri = uri;
        }

        Optional<JWKSet> fresh() {
            JWKSet set = keys;
            return set != null
                            && System.nanoTime() - fetchedAt
                                    < properties.jwksCacheTtl().toNanos()
                    ? Optional.of(set)
                    : Optional.empty();
        }

        Mono<JWKSet> current() {
            Optional<JWKSet> fresh = fresh();
            if (fresh.isPresent()) {
                return Mono.just(fresh.get());
            }
            // Expired: a failed fetch keeps the old keys rather than locking every caller out.
            JWKSet set = keys;
            return set == null ? fetch() : fetch().onErrorReturn(set);
        }

        synchronized boolean mayRefetch() {
            long now = System.nanoTime();
            if (now - refetchedAt < properties.jwksRefetchInterval().toNanos()) {
                return false;
            }
            refetchedAt = now;
            return true;
        }

        synchronized Mono<JWKSet> fetch() {
            if (inFlight == null) {
                inFlight = load().doOnNext(set -> {
                            keys = set;
                            fetchedAt = System.nanoTime();
                        })
                        .doFinally(signal -> done())
                        .cache();
            }
            return inFlight;
        }

        private synchronized void done() {
            inFlight = null;
        }

        private Mono<JWKSet> load() {
            HeaderList headers = new HeaderList().add("Accept", "application/json");
            Mono<EndpointResponse> fetched = sameOrigin(uri, authorizerService)
                    ? client.exchange("GET", uri, headers, null, properties.jwksTimeout())
                    : client.exchangeWithApiTarget("GET", uri, headers, null, properties.jwksTimeout());
            return fetched.onErrorMap(
                            e -> new JwksUnavailableException("Key set " + uri + " could not be fetched: " + e, e))
                    .map(response -> {
                        if (response.status() != 200 || response.body().length > MAX_JWKS_BYTES) {
                            throw new JwksUnavailableException(
                                    "Key set " + uri + " answered " + response.status(), null);
                        }
                        try {
                            return JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8))
                                    .toPublicJWKSet();
                        } catch (ParseException e) {
                            throw new JwksUnavailableException(
                                    "Key set " + uri + " is not a JWK set: " + e.getMessage(), e);
                        }
                    });
        }
    }
}
