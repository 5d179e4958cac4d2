package io.stateway.gateway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.stateway.gateway.api.IntegrationType;
import io.stateway.gateway.mapping.HeaderRules;
import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.IntegrationRequest;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.pipeline.ResponseHeaders;
import io.stateway.gateway.pipeline.Timeouts;
import io.stateway.gateway.routing.CompiledIntegration;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * HTTP_PROXY: streams the request to the backend and the backend's response to the client, both ways
 * without buffering (unless an earlier filter had to read the request body). The backend's status and
 * headers pass, except those API Gateway renames ({@code x-amzn-Remapped-*}) or drops. The timeout covers
 * the wait for the response's headers; the breaker counts failures to get them. A response the cache
 * stores is read whole instead.
 */
@Component
final class HttpProxyBackend implements Backend {

    private final BackendClient client;
    private final CircuitBreakers breakers;

    HttpProxyBackend(BackendClient client, CircuitBreakers breakers) {
        this.client = client;
        this.breakers = breakers;
    }

    @Override
    public Mono<Void> call(ServerWebExchange exchange, Invocation invocation, CompiledIntegration integration) {
        IntegrationRequest request = invocation.integrationRequest().orElseThrow();
        URI uri = BackendUris.of(request.uri(), request.query());
        String target = BackendUris.target(uri);
        Duration timeout = Duration.ofMillis(integration.definition().timeoutMillis());
        String declaredLength =
                request.body() == null ? exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) : null;
        Mono<Tuple2<HttpClientResponse, Connection>> headersArrived = client.apiTargets()
                .headers(outgoing -> {
                    request.headers().forEach(outgoing::add);
                    // A streamed body keeps the length the client declared (else it would go chunked).
                    if (declaredLength != null && !HttpBackend.NO_BODY_METHODS.contains(request.httpMethod())) {
                        outgoing.set(HttpHeaders.CONTENT_LENGTH, declaredLength);
                    }
                })
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(request.httpMethod()))
                .uri(uri)
                .send((outgoingRequest, outbound) -> outbound.send(body(exchange, request)))
                .responseConnection((response, connection) -> Mono.just(Tuples.of(response, connection)))
                .next();
        long started = System.nanoTime();
        return breakers.guard(target, Timeouts.within(headersArrived, "integration", timeout))
                .onErrorMap(failure -> BackendFailures.toGatewayError(failure, target))
                .flatMap(arrived -> {
                    invocation.integrationDone(
                            (System.nanoTime() - started) / 1_000_000,
                            arrived.getT1().status().code());
                    if (invocation.keepsResponse()) {
                        return keepResponse(invocation, arrived.getT1(), arrived.getT2());
                    }
                    return writeResponse(exchange, invocation, arrived.getT1(), arrived.getT2());
                });
    }

    /** The client's body as it arrives, or the copy an earlier filter read; nothing for GET, HEAD, OPTIONS. */
    private static Publisher<ByteBuf> body(ServerWebExchange exchange, IntegrationRequest request) {
        if (HttpBackend.NO_BODY_METHODS.contains(request.httpMethod())) {
            return Mono.empty();
        }
        if (request.body() != null) {
            return Mono.just(Unpooled.wrappedBuffer(request.body()));
        }
        return exchange.getRequest().getBody().map(NettyDataBufferFactory::toByteBuf);
    }

    /** Reads the whole response as the endpoint response (the response filters then finish it). */
    private Mono<Void> keepResponse(Invocation invocation, HttpClientResponse backend, Connection connection) {
        HeaderList headers = new HeaderList();
        backend.responseHeaders().iteratorAsString().forEachRemaining(h -> headers.add(h.getKey(), h.getValue()));
        return client.read(connection.inbound().receive())
                .doOnNext(body -> invocation.endpointResponse(
                        new EndpointResponse(backend.status().code(), headers, body)))
                .doOnError(failure -> connection.dispose())
                .doOnCancel(connection::dispose)
                .then();
    }

    private Mono<Void> writeResponse(
            ServerWebExchange exchange, Invocation invocation, HttpClientResponse backend, Connection connection) {
        ServerHttpResponse response = exchange.getResponse();
        HeaderList headers = new HeaderList();
        backend.responseHeaders().iteratorAsString().forEachRemaining(h -> headers.add(h.getKey(), h.getValue()));
        String length = headers.last("Content-Length").orElse(null);
        if (length != null && Long.parseLong(length.trim()) > client.maxResponseBytes()) {
            connection.dispose();
            return Mono.error(client.responseTooLarge());
        }
        HeaderRules.remapForClient(headers, IntegrationType.HTTP_PROXY);
        response.setStatusCode(HttpStatusCode.valueOf(backend.status().code()));
        HttpHeaders out = response.getHeaders();
        headers.forEach(out::add);
        if (length != null) {
            out.set(HttpHeaders.CONTENT_LENGTH, length.trim());
        }
        ResponseHeaders.enrich(out, invocation);
        invocation.markStreamed();
        AtomicLong written = new AtomicLong();
        NettyDataBufferFactory factory = response.bufferFactory() instanceof NettyDataBufferFactory netty
                ? netty
                : new NettyDataBufferFactory(io.netty.buffer.ByteBufAllocator.DEFAULT);
        long max = client.maxResponseBytes();
        Flux<DataBuffer> body = connection
                .inbound()
                .receive()
                .retain()
                .handle((ByteBuf buffer, reactor.core.publisher.SynchronousSink<DataBuffer> sink) -> {
                    if (written.addAndGet(buffer.readableBytes()) > max) {
                        buffer.release();
                        sink.error(client.responseTooLarge());
                    } else {
                        sink.next(factory.wrap(buffer));
                    }
                });
        return response.writeWith(body)
                .doOnTerminate(() -> invocation.completed(backend.status().code(), written.get()))
                // A fully read response returns its connection to the pool; only a broken one is closed.
                .doOnError(failure -> connection.dispose())
                .doOnCancel(connection::dispose);
    }
}
