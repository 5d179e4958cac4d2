package io.stateway.gateway.limits;

import io.stateway.gateway.GatewayProperties;
import io.stateway.gateway.api.Authorization;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.api.IntegrationType;
import io.stateway.gateway.framing.MalformedRequestBodyException;
import io.stateway.gateway.pipeline.FilterOrder;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The request size limit, on the bytes actually received: a declared {@code Content-Length} above the
 * limit is refused at once; a body without one (chunked) is read up to the limit before anything is sent
 * on, so a backend never sees part of a refused body. Bodies the pipeline reads (templates, validation,
 * Lambda events) are buffered here; an HTTP_PROXY body of declared length is streamed.
 */
@Component
public class PayloadFilterFactory extends AbstractGatewayFilterFactory<PayloadFilterFactory.Config> {

    private final long maxRequestBytes;

    public PayloadFilterFactory(GatewayProperties properties) {
        super(Config.class);
        this.maxRequestBytes = properties.limits().maxRequestBytes().toBytes();
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    Invocation invocation = Invocation.of(exchange);
                    HttpHeaders headers = exchange.getRequest().getHeaders();
                    long declared = headers.getContentLength();
                    if (declared > maxRequestBytes) {
                        return Mono.error(tooLarge());
                    }
                    boolean chunked = headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
                    if (declared <= 0 && !chunked) {
                        invocation.bodyBuffered(new byte[0]);
                        return chain.filter(exchange);
                    }
                    if (!chunked && streams(invocation)) {
                        return chain.filter(exchange);
                    }
                    return read(exchange).flatMap(bytes -> {
                        invocation.bodyBuffered(bytes);
                        return chain.filter(exchange);
                    });
                },
                FilterOrder.PAYLOAD);
    }

    /** HTTP_PROXY passes the body through unless request validation or a SigV4 check must read it. */
    private static boolean streams(Invocation invocation) {
        if (invocation.method().method().authorization() == Authorization.AWS_IAM) {
            return false;
        }
        boolean proxy = invocation
                .method()
                .integration()
                .map(i -> i.definition().type() == IntegrationType.HTTP_PROXY)
                .orElse(false);
        boolean validatesBody = invocation
                .method()
                .validator()
                .map(v -> v.validateRequestBody())
                .orElse(false);
        return proxy && !validatesBody;
    }

    private Mono<byte[]> read(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(Integer.MAX_VALUE, maxRequestBytes))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .onErrorMap(MalformedRequestBodyException.class, PayloadFilterFactory::malformed);
    }

    /** A chunked body whose framing broke: what arrived before the fault is not the body (§3.9). */
    private static GatewayError malformed(MalformedRequestBodyException e) {
        return new GatewayError(GatewayResponseType.BAD_REQUEST_BODY, 400, "Malformed request body", e);
    }

    private static GatewayError tooLarge() {
        return new GatewayError(GatewayResponseType.REQUEST_TOO_LARGE, 413, "Request Too Long");
    }

    /** No settings: the limit is the service's ({@code stateway.gateway.limits}). */
    public static final class Config {}
}
