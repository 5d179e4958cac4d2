package io.stateway.gateway.apikey;

import io.stateway.gateway.api.ApiKeySource;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.auth.AuthorizerServiceProperties;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.DeployedStage;
import io.stateway.model.apikey.ApiKeyHmac;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * For methods that require an API key: the {@code x-api-key} header must hold an enabled key that belongs
 * to a usage plan covering the stage, else 403 {@code INVALID_API_KEY} ("Forbidden"). Keys are looked up
 * by their HMAC in the in-memory {@link ApiKeyTable} (from the authorizer-service), never in a database
 * or over the network. The key's usage plan goes on the {@link Invocation}, for the throttling filter.
 */
@Component
public class ApiKeyFilterFactory extends AbstractGatewayFilterFactory<ApiKeyFilterFactory.Config> {

    private final KeySnapshotFeed keys;
    /** Empty when no pepper is configured: then no key is accepted. */
    private final Optional<ApiKeyHmac> hmac;

    public ApiKeyFilterFactory(KeySnapshotFeed keys, AuthorizerServiceProperties authorizer) {
        super(Config.class);
        this.keys = keys;
        this.hmac = authorizer.apiKeyPepper().isEmpty()
                ? Optional.empty()
                : Optional.of(ApiKeyHmac.withPepper(authorizer.apiKeyPepper()));
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    if (!invocation.method().method().apiKeyRequired()) {
                        return chain.filter(exchange);
                    }
                    DeployedStage stage = invocation.stage().orElseThrow();
                    Optional<String> key = stage.api().api().apiKeySource() == ApiKeySource.HEADER
                            ? invocation.request().headers().last("x-api-key")
                            : invocation.usageIdentifierKey();
                    String stageKey = stage.api().apiId() + "/" + stage.name();
                    Optional<ApiKeyTable.Grant> grant = key.filter(k -> !k.isEmpty())
                            .flatMap(k -> hmac.flatMap(h -> keys.current().find(h, k)))
                            .filter(ApiKeyTable.Grant::enabled)
                            .filter(g -> g.plans().containsKey(stageKey));
                    if (grant.isEmpty()) {
                        return Mono.error(new GatewayError(GatewayResponseType.INVALID_API_KEY, 403, "Forbidden"));
                    }
                    invocation.apiKeyAccepted(
                            key.get(), grant.get().keyId(), grant.get().plans().get(stageKey));
                    return chain.filter(exchange);
                },
                FilterOrder.API_KEY);
    }

    /** No settings: keys and plans come from the authorizer-service. */
    public static final class Config {}
}
