package io.stateway.gateway.mapping;

import io.stateway.gateway.api.IntegrationType;
import io.stateway.gateway.pipeline.HeaderList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * API Gateway's rules for headers on their way to and from integrations, as recorded on AWS: which mapped
 * request headers are refused (500), which are dropped before the backend, which defaults are added, and
 * which backend response headers come back renamed {@code x-amzn-Remapped-<name>}.
 */
public final class HeaderRules {

    private static final Set<String> RESERVED_ALWAYS =
            Set.of("content-length", "transfer-encoding", "x-amzn-trace-id", "x-amzn-apigateway-api-id");
    private static final Set<String> RESERVED_FOR_AWS = Set.of(
            "content-length",
            "transfer-encoding",
            "x-amzn-trace-id",
            "x-amzn-apigateway-api-id",
            "authorization",
            "connection",
            "expect",
            "proxy-authenticate",
            "te");
    private static final List<String> DROPPED_FOR_AWS = List.of("Expect", "Proxy-Authenticate", "TE", "Referer");
    private static final List<String> DROPPED_FOR_HTTP = List.of("Expect", "Proxy-Authenticate", "TE", "Via");
    private static final List<String> DROPPED_OTHERWISE = List.of("Expect", "Proxy-Authenticate", "TE");
    private static final List<String> REMAPPED_ALWAYS = List.of("Connection", "Content-Length", "Date", "Server");
    private static final List<String> REMAPPED_NON_PROXY = List.of(
            "Connection",
            "Content-Length",
            "Date",
            "Server",
            "Authorization",
            "Content-MD5",
            "Expect",
            "Host",
            "Max-Forwards",
            "Proxy-Authenticate",
            "Trailer",
            "Upgrade",
            "User-Agent",
            "WWW-Authenticate");

    private HeaderRules() {}

    /** The first mapped header name API Gateway refuses for this integration type, if any. */
    public static java.util.Optional<String> reserved(Iterable<String> mappedNames, IntegrationType type) {
        Set<String> reserved =
                type == IntegrationType.AWS || type == IntegrationType.AWS_PROXY ? RESERVED_FOR_AWS : RESERVED_ALWAYS;
        for (String name : mappedNames) {
            if (reserved.contains(name.toLowerCase(Locale.ROOT))) {
                return java.util.Optional.of(name);
            }
        }
        return java.util.Optional.empty();
    }

    /** Drops what never reaches this kind of backend, and adds the headers API Gateway sends by default. */
    public static void prepareForBackend(
            HeaderList headers,
            IntegrationType type,
            String apiId,
            String traceId,
            String clientMethod,
            java.util.Optional<String> clientContentType) {
        List<String> dropped = switch (type) {
            case AWS -> DROPPED_FOR_AWS;
            case HTTP, HTTP_PROXY -> DROPPED_FOR_HTTP;
            case AWS_PROXY, MOCK -> DROPPED_OTHERWISE;
        };
        dropped.forEach(headers::remove);
        headers.setIfAbsent("Accept", "application/json");
        headers.setIfAbsent("User-Agent", "AmazonAPIGateway_" + apiId);
        boolean bodyMethod = !Set.of("GET", "HEAD", "OPTIONS").contains(clientMethod);
        if (bodyMethod) {
            clientContentType.ifPresent(contentType -> headers.setIfAbsent("Content-Type", contentType));
        }
        headers.set("X-Amzn-Trace-Id", traceId);
        if (type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY) {
            headers.set("X-Amzn-Apigateway-Api-Id", apiId);
        }
    }

    /**
     * Renames the headers API Gateway does not let through as they are to {@code x-amzn-Remapped-<name>},
     * and drops {@code Transfer-Encoding} (the gateway frames the response itself).
     */
    public static void remapForClient(HeaderList headers, IntegrationType type) {
        List<String> remapped =
                type == IntegrationType.HTTP || type == IntegrationType.AWS ? REMAPPED_NON_PROXY : REMAPPED_ALWAYS;
        for (String name : remapped) {
            if (headers.contains(name)) {
                headers.rename(name, "x-amzn-Remapped-" + name);
            }
        }
        headers.remove("Transfer-Encoding");
        if (type == IntegrationType.HTTP_PROXY) {
            headers.remove("Via");
        }
    }
}
