package io.stateway.gateway.cache;

import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.catalog.StageSettings;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.pipeline.MethodResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * API Gateway's response cache: answers a cacheable request (see {@link CachePolicy}) from Redis, or lets it
 * reach the integration and stores the successful response it gets for the TTL. A request with
 * {@code Cache-Control: max-age=0} asks to refresh the entry; when the stage requires authorization for
 * that (AWS's default) and the caller is not authorised, the stage's
 * {@code unauthorizedCacheControlHeaderStrategy} decides: 403, or the header is ignored (with or without
 * a warning header). Responses with {@code Set-Cookie}, {@code Cache-Control: private} or
 * {@code no-store}, errors and entries above the size limit are not stored.
 */
@Component
public class ResponseCacheFilterFactory extends AbstractGatewayFilterFactory<ResponseCacheFilterFactory.Config> {

    static final String IGNORED_WARNING =
            "199 - \"Cache-Control header ignored: the caller may not invalidate the cache\"";

    private final ResponseCache cache;

    public ResponseCacheFilterFactory(ResponseCache cache) {
        super(Config.class);
        this.cache = cache;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    Optional<CachePolicy> policy = CachePolicy.of(invocation);
                    if (policy.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    String key = CacheKeys.of(cache.keyPrefix(), invocation);
                    boolean refresh = false;
                    boolean warn = false;
                    if (asksToInvalidate(invocation.request().headers())) {
                        StageSettings.CacheSettings settings = policy.get().settings();
                        // AWS lets callers holding execute-api:InvalidateCache refresh entries; this gateway
                        // has no IAM principals, so only stages that require no authorization allow it.
                        if (!settings.requireAuthorizationForCacheControl()) {
                            refresh = true;
                        } else {
                            switch (settings.unauthorizedCacheControlHeaderStrategy()) {
                                case FAIL_WITH_403 -> {
                                    return Mono.error(new GatewayError(
                                            GatewayResponseType.ACCESS_DENIED,
                                            403,
                                            "User is not authorized to invalidate the cache"));
                                }
                                case SUCCEED_WITH_RESPONSE_HEADER -> warn = true;
                                case SUCCEED_WITHOUT_RESPONSE_HEADER -> {}
                            }
                        }
                    }
                    boolean addWarning = warn;
                    Mono<Optional<MethodResponse>> cached = refresh ? Mono.just(Optional.empty()) : cache.get(key);
                    return cached.flatMap(hit -> {
                        if (hit.isPresent()) {
                            invocation.cacheResult("hit");
                            MethodResponse response = hit.get();
                            if (addWarning) {
                                response.headers().add("Warning", IGNORED_WARNING);
                            }
                            invocation.methodResponse(response);
                            return Mono.<Void>empty();
                        }
                        invocation.cacheResult("miss");
                        invocation.keepResponse();
                        return chain.filter(exchange).then(Mono.defer(() -> {
                            Optional<MethodResponse> response = invocation.methodResponse();
                            if (response.isEmpty() || invocation.error().isPresent()) {
                                return Mono.empty();
                            }
                            Mono<Void> stored = storable(response.get())
                                    ? cache.put(
                                            key, response.get(), policy.get().ttlSeconds())
                                    : Mono.empty();
                            if (addWarning) {
                                response.get().headers().add("Warning", IGNORED_WARNING);
                            }
                            return stored;
                        }));
                    });
                },
                FilterOrder.CACHE);
    }

    /** {@code Cache-Control: max-age=0} (among other directives, any case). */
    static boolean asksToInvalidate(HeaderList headers) {
        for (String value : headers.all("Cache-Control")) {
            for (String directive : value.split(",")) {
                if (directive.trim().toLowerCase(Locale.ROOT).replace(" ", "").equals("max-age=0")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean storable(MethodResponse response) {
        if (response.status() < 200
                || response.status() > 299
                || response.headers().contains("Set-Cookie")) {
            return false;
        }
        for (String value : response.headers().all("Cache-Control")) {
            String directives = value.toLowerCase(Locale.ROOT);
            if (directives.contains("no-store") || directives.contains("private")) {
                return false;
            }
        }
        return true;
    }

    /** No settings: caching is configured per stage. */
    public static final class Config {}
}
