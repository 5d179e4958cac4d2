package io.stateway.gateway.pipeline;

import io.stateway.gateway.api.IntegrationType;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** The headers API Gateway adds to every response. */
public final class ResponseHeaders {

    private static final String REQUEST_ID = "x-amzn-RequestId";

    private ResponseHeaders() {}

    /**
     * Adds {@code x-amzn-RequestId} and {@code x-amz-apigw-id} (a backend's own request id header is kept as
     * {@code x-amzn-Remapped-x-amzn-RequestId}), and {@code X-Amzn-Trace-Id} for integrations that pass it
     * (not HTTP_PROXY, whose backend's header stays, nor MOCK, nor gateway responses).
     */
    public static void enrich(HttpHeaders headers, Invocation invocation) {
        String backendRequestId = headers.getFirst(REQUEST_ID);
        if (backendRequestId != null) {
            headers.remove(REQUEST_ID);
            headers.set("x-amzn-Remapped-x-amzn-RequestId", backendRequestId);
        }
        headers.set(REQUEST_ID, invocation.ids().requestId());
        headers.set("x-amz-apigw-id", invocation.ids().extendedRequestId());
        Optional<IntegrationType> type = invocation
                .match()
                .flatMap(m -> m.method().integration())
                .map(i -> i.definition().type());
        boolean tracePassed =
                type.isPresent() && type.get() != IntegrationType.HTTP_PROXY && type.get() != IntegrationType.MOCK;
        if (tracePassed && invocation.error().isEmpty()) {
            headers.set("X-Amzn-Trace-Id", invocation.ids().traceId());
        }
    }
}
