package io.stateway.gateway.auth;

import io.stateway.gateway.api.Authorization;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * JWT authorizers ({@code jwt}, {@code cognito_user_pools}): the identity header must hold a token of at most
 * the configured size that the authorizer's decoder accepts and, where the method lists scopes, that grants one
 * of them. Anything else is 401 {@code UNAUTHORIZED} ("Unauthorized") and the backend is not called. The
 * claims become {@code $context.authorizer.claims}.
 */
@Component
public class JwtFilterFactory extends AbstractGatewayFilterFactory<JwtFilterFactory.Config> {

    private static final Logger log = LoggerFactory.getLogger(JwtFilterFactory.class);

    private final Authorizers authorizers;
    private final JwtDecoders decoders;
    private final long maxTokenBytes;

    JwtFilterFactory(Authorizers authorizers, JwtDecoders decoders, JwtProperties properties) {
        super(Config.class);
        this.authorizers = authorizers;
        this.decoders = decoders;
        this.maxTokenBytes = properties.maxTokenSize().toBytes();
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    Authorization kind = invocation.method().method().authorization();
                    if (kind != Authorization.JWT && kind != Authorization.COGNITO_USER_POOLS) {
                        return chain.filter(exchange);
                    }
                    if (!(authorizers.of(invocation) instanceof AuthorizerConfig.Jwt authorizer)) {
                        return Mono.error(GatewayError.configuration("a JWT method names a Lambda authorizer"));
                    }
                    Optional<String> token = invocation
                            .request()
                            .headers()
                            .last(authorizer.header())
                            .map(BearerTokens::of)
                            .filter(t -> !t.isEmpty());
                    if (token.isEmpty() || token.get().getBytes(StandardCharsets.UTF_8).length > maxTokenBytes) {
                        return Mono.error(unauthorized());
                    }
                    return Mono.defer(() -> decoders.of(authorizer).decode(token.get()))
                            .onErrorMap(JwtFilterFactory::failure)
                            .flatMap(jwt -> {
                                if (!grantsScope(
                                        jwt, invocation.method().method().authorizationScopes())) {
                                    return Mono.error(unauthorized());
                                }
                                invocation.authorized(null, Map.of("claims", claims(jwt)));
                                return chain.filter(exchange);
                            });
                },
                FilterOrder.JWT);
    }

    private static GatewayError unauthorized() {
        return new GatewayError(GatewayResponseType.UNAUTHORIZED, 401, "Unauthorized");
    }

    private static Throwable failure(Throwable failure) {
        log.debug("JWT refused: {}", failure.toString());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwksUnavailableException unavailable) {
                return new GatewayError(
                        GatewayResponseType.AUTHORIZER_FAILURE, 500, "Internal server error", unavailable);
            }
        }
        return failure instanceof JwtException || failure instanceof IllegalArgumentException
                ? unauthorized()
                : failure;
    }

    /** A method with scopes needs a token granting one of them ({@code scope}, space-separated, or {@code scp}). */
    private static boolean grantsScope(Jwt jwt, List<String> scopes) {
        if (scopes.isEmpty()) {
            return true;
        }
        Object scope = jwt.getClaims().get("scope");
        Collection<?> granted = scope instanceof String text
                ? Arrays.asList(text.split(" "))
                : jwt.getClaims().get("scp") instanceof Collection<?> list ? list : List.of();
        return granted.stream().anyMatch(scopes::contains);
    }

    /** The claims as API Gateway passes them on: names to text. */
    private static Map<String, Object> claims(Jwt jwt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        jwt.getClaims()
                .forEach((name, value) -> claims.put(
                        name,
                        value instanceof Instant instant
                                ? Long.toString(instant.getEpochSecond())
                                : value instanceof Collection<?> values
                                        ? String.join(
                                                " ",
                                                values.stream()
                                                        .map(String::valueOf)
                                                        .toList())
                                        : String.valueOf(value)));
        return claims;
    }

    /** No settings: each method's authorizer comes from its API. */
    public static final class Config {}
}
