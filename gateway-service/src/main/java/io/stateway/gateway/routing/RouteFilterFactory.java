package io.stateway.gateway.routing;

import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * Routes a request as API Gateway does: API by host (or by a stage name only one API has), stage by the
 * first path segment, then resource and method; anything unknown is 403 Missing Authentication Token.
 * Reads only the in-memory {@link RoutingTable}.
 */
@Component
public class RouteFilterFactory extends AbstractGatewayFilterFactory<RouteFilterFactory.Config> {

    private final RoutingTableHolder routes;

    public RouteFilterFactory(RoutingTableHolder routes) {
        super(Config.class);
        this.routes = routes;
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    Invocation.ClientRequest request = invocation.request();
                    StageRequest stageRequest = routes.current()
                            .resolve(request.host(), request.rawPath())
                            .orElseThrow(GatewayError::missingAuthenticationToken);
                    invocation.routedTo(stageRequest);
                    RouteMatch match = stageRequest
                            .stage()
                            .api()
                            .resources()
                            .match(request.httpMethod(), stageRequest.matchPath())
                            .orElseThrow(GatewayError::missingAuthenticationToken);
                    invocation.matched(match);
                    return chain.filter(exchange);
                },
                FilterOrder.ROUTE);
    }

    /** No settings: the routing table is the configuration. */
    public static final class Config {}
}
