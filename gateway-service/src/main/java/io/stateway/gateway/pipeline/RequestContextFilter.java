package io.stateway.gateway.pipeline;

import io.stateway.gateway.api.GatewayResponseType;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * First of the request's filters: creates its {@link Invocation} (ids, API Gateway's view of the request),
 * turns any failure of the later filters into a gateway response (never a stack trace), and writes the
 * final response with the headers API Gateway adds.
 */
@Component
class RequestContextFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RequestContextFilter.class);

    private final RequestIdSource ids;
    private final Clock clock;
    private final GatewayResponseRenderer responses;

    RequestContextFilter(RequestIdSource ids, Clock clock, GatewayResponseRenderer responses) {
        this.ids = ids;
        this.clock = clock;
        this.responses = responses;
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_CONTEXT;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Invocation.ClientRequest request = ClientRequests.read(PreflightPassage.original(exchange));
        Invocation invocation = new Invocation(
                ids.next(request.headers().last("X-Amzn-Trace-Id").orElse("")),
                clock.instant(),
                System.nanoTime(),
                request);
        invocation.attachTo(exchange);
        return ContextBarrier.at(chain.filter(exchange))
                .onErrorResume(failure -> recover(exchange, invocation, failure))
                .then(Mono.defer(() -> write(exchange, invocation)));
    }

    private Mono<Void> recover(ServerWebExchange exchange, Invocation invocation, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            log.warn(
                    "Request {} failed after its response started: {}",
                    invocation.ids().requestId(),
                    failure.toString());
            return Mono.error(failure);
        }
        GatewayError error;
        if (failure instanceof GatewayError gatewayError) {
            error = gatewayError;
            if (error.status() >= 500) {
                log.warn(
                        "Request {}: {} {} ({})",
                        invocation.ids().requestId(),
                        error.status(),
                        error.type(),
                        error.detail());
            }
        } else {
            log.error("Request {} failed inside the gateway", invocation.ids().requestId(), failure);
            error = new GatewayError(GatewayResponseType.DEFAULT_5XX, 500, "Internal server error", failure);
        }
        invocation.failed(error);
        invocation.methodResponse(responses.render(invocation, error));
        return Mono.empty();
    }

    private Mono<Void> write(ServerWebExchange exchange, Invocation invocation) {
        if (invocation.streamed()) {
            return Mono.empty();
        }
        if (invocation.methodResponse().isEmpty()) {
            GatewayError error = GatewayError.internal("the pipeline ended without a response");
            invocation.failed(error);
            invocation.methodResponse(responses.render(invocation, error));
        }
        MethodResponse methodResponse = invocation.methodResponse().orElseThrow();
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(methodResponse.status()));
        HttpHeaders headers = response.getHeaders();
        methodResponse.headers().forEach(headers::add);
        ResponseHeaders.enrich(headers, invocation);
        byte[] body = methodResponse.body();
        headers.setContentLength(body.length);
        invocation.completed(methodResponse.status(), body.length);
        if (exchange.getRequest().getMethod() == HttpMethod.HEAD || body.length == 0) {
            return response.setComplete();
        }
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
