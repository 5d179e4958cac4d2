package io.stateway.gateway.apikey;

import io.stateway.gateway.api.ApiKeySource;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.catalog.ApiKeyHasher;
import io.stateway.gateway.catalog.CatalogSnapshot;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.DeployedStage;
import io.stateway.gateway.routing.RoutingTableHolder;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * For methods that require an API key: the {@code x-api-key} header must hold an enabled key that belongs
 * to a usage plan covering the stage, else 403 {@code INVALID_API_KEY} ("Forbidden"). Keys are looked up
 * by their HMAC in the in-memory table, never in the database. The key's usage plan goes on the
 * {@link Invocation}, for the throttling filter.
 */
@Component
public class ApiKeyFilterFactory extends AbstractGatewayFilterFactory<ApiKeyFilterFactory.Config> {

    private final RoutingTableHolder routes;
    private final ApiKeyHasher hasher;

    public ApiKeyFilterFactory(RoutingTableHolder routes, ApiKeyHasher hasher) {
        super(Config.class);
        this.routes = routes;
        this.hasher = hasher;
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
                    Optional<CatalogSnapshot.KeyGrant> grant = key.filter(k -> !k.isEmpty())
                            .flatMap(k -> routes.current().apiKeys().find(hasher.hash(k)))
                            .filter(CatalogSnapshot.KeyGrant::enabled)
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

    /** No settings: keys and plans come from the catalog. */
    public static final class Config {}
}
