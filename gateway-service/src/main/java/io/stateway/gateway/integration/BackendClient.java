package io.stateway.gateway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.resolver.AddressResolverGroup;
import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.pipeline.EndpointResponse;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.HeaderList;
import io.stateway.gateway.pipeline.Timeouts;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP client of every integration (backends, functions, the orchestrator): one pool of keep-alive
 * connections, no redirects followed, responses read up to the response size limit. Targets an API
 * definition names (HTTP, HTTP_PROXY, AWS to a URL, JWT authorizers' key sets) go through
 * {@link #apiTargets()}, which refuses blocked addresses ({@link BlockedAddresses}); the operator's own
 * endpoints (orchestrator, registered functions, authorizer-service) through {@link #exchange}.
 */
@Component
public class BackendClient implements DisposableBean {

    private final ConnectionProvider pool;
    private final HttpClient client;
    private final HttpClient apiTargets;
    private final long maxResponseBytes;

    public BackendClient(GatewayProperties properties) {
        this.pool = ConnectionProvider.builder("stateway-backends")
                .maxConnections(2048)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.client = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.integrations().connectTimeout().toMillis())
                .followRedirect(false)
                .keepAlive(true);
        @SuppressWarnings("unchecked")
        AddressResolverGroup<InetSocketAddress> resolvers =
                (AddressResolverGroup<InetSocketAddress>) client.configuration().defaultAddressResolverGroup();
        this.apiTargets = client.resolver(new GuardedResolverGroup(
                resolvers, new BlockedAddresses(properties.integrations().allowedNetworks())));
        this.maxResponseBytes = properties.limits().maxResponseBytes().toBytes();
    }

    /** The client for a URL an API definition names: blocked addresses are refused. */
    HttpClient apiTargets() {
        return apiTargets;
    }

    long maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Sends a request and reads the whole response.
     *
     * @param body null for none (GET, HEAD, OPTIONS), else sent with its Content-Length (0 included)
     * @param timeout how long the whole exchange may take
     */
    public Mono<EndpointResponse> exchange(String method, URI uri, HeaderList headers, byte[] body, Duration timeout) {
        return exchange(client, method, uri, headers, body, timeout);
    }

    /**
     * {@link #exchange} to a URL an API definition names (an integration's, a JWT authorizer's key set):
     * blocked addresses are refused.
     */
    public Mono<EndpointResponse> exchangeWithApiTarget(
            String method, URI uri, HeaderList headers, byte[] body, Duration timeout) {
        return exchange(apiTargets, method, uri, headers, body, timeout);
    }

    private Mono<EndpointResponse> exchange(
            HttpClient client, String method, URI uri, HeaderList headers, byte[] body, Duration timeout) {
        return Timeouts.within(exchange(client, method, uri, headers, body), "backend exchange", timeout);
    }

    private Mono<EndpointResponse> exchange(
            HttpClient client, String method, URI uri, HeaderList headers, byte[] body) {
        return client.headers(outgoing -> headers.forEach(outgoing::add))
                .request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
                .uri(uri)
                .send(body == null ? ByteBufFlux.empty() : Mono.just(Unpooled.wrappedBuffer(body)))
                .response((response, content) -> {
                    HeaderList received = new HeaderList();
                    response.responseHeaders()
                            .iteratorAsString()
                            .forEachRemaining(h -> received.add(h.getKey(), h.getValue()));
                    return read(content)
                            .map(bytes -> new EndpointResponse(response.status().code(), received, bytes));
                })
                .next();
    }

    /** The body of a response, refused once it passes the response size limit. */
    Mono<byte[]> read(Flux<ByteBuf> content) {
        return Mono.defer(() -> {
            AtomicLong total = new AtomicLong();
            return content.handle((ByteBuf buffer, SynchronousSink<byte[]> sink) -> {
                        byte[] bytes = new byte[buffer.readableBytes()];
                        buffer.readBytes(bytes);
                        if (total.addAndGet(bytes.length) > maxResponseBytes) {
                            sink.error(responseTooLarge());
                        } else {
                            sink.next(bytes);
                        }
                    })
                    .collect(ByteArrayOutputStream::new, (out, bytes) -> out.write(bytes, 0, bytes.length))
                    .map(ByteArrayOutputStream::toByteArray);
        });
    }

    GatewayError responseTooLarge() {
        return GatewayError.internal(502, "the integration's response is larger than " + maxResponseBytes + " bytes");
    }

    @Override
    public void destroy() {
        pool.dispose();
    }
}
