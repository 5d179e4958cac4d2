package io.stateway.gateway.observability;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.pipeline.ContextVariables;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.Invocation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One line per request on the {@code stateway.gateway.access} logger once its response is complete, in
 * the stage's access log format ({@code accessLogFormat}, AWS's {@code $context} notation, e.g. JSON) or
 * the service's default.
 */
@Component
class AccessLogFilter implements GlobalFilter, Ordered {

    private static final Logger access = LoggerFactory.getLogger("stateway.gateway.access");

    private final boolean enabled;
    private final String accountId;
    private final AccessLogFormat defaultFormat;
    private final Map<String, AccessLogFormat> stageFormats = new ConcurrentHashMap<>();

    AccessLogFilter(GatewayProperties properties) {
        this.enabled = properties.accessLog().enabled();
        this.accountId = properties.accountId();
        this.defaultFormat = new AccessLogFormat(properties.accessLog().defaultFormat());
    }

    @Override
    public int getOrder() {
        return FilterOrder.ACCESS_LOG;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!enabled || !access.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .doFinally(signal ->
                        Invocation.find(exchange).ifPresent(invocation -> access.info(line(invocation, exchange))));
    }

    private AccessLogFormat parsed(String format) {
        if (stageFormats.size() > 1_000) {
            stageFormats.clear(); // formats of stages long gone; the live ones are parsed again
        }
        return stageFormats.computeIfAbsent(format, AccessLogFormat::new);
    }

    private String line(Invocation invocation, ServerWebExchange exchange) {
        AccessLogFormat format = invocation
                .stage()
                .map(stage -> stage.settings().accessLogFormat())
                .filter(text -> !text.isBlank())
                .map(this::parsed)
                .orElse(defaultFormat);
        Map<String, Object> context = ContextVariables.forAccessLog(invocation, accountId);
        if (invocation.status() == 0 && exchange.getResponse().getStatusCode() != null) {
            context.put("status", exchange.getResponse().getStatusCode().value());
        }
        return format.render(context);
    }
}
