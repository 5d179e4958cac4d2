package io.stateway.gateway.pipeline;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.http.server.HttpServerRequest;

/** Reads a request as API Gateway sees it. */
final class ClientRequests {

    /**
     * Headers API Gateway drops on arrival: they reach neither templates, nor proxy events, nor backends
     * (hop-by-hop and framing headers, and a few it reserves).
     */
    static final Set<String> DROPPED_ON_ARRIVAL = Set.of(
            "connection",
            "content-length",
            "content-md5",
            "expect",
            "max-forwards",
            "proxy-authenticate",
            "server",
            "te",
            "transfer-encoding",
            "trailer",
            "upgrade",
            "www-authenticate");

    private ClientRequests() {}

    static Invocation.ClientRequest read(ServerHttpRequest request) {
        HeaderList headers = new HeaderList();
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        if (nativeRequest instanceof HttpServerRequest netty) {
            // Netty keeps each header's name as sent (API Gateway passes "tEsT-HEADeR" through as is).
            netty.requestHeaders()
                    .iteratorAsString()
                    .forEachRemaining(entry -> add(headers, entry.getKey(), entry.getValue()));
        } else {
            request.getHeaders().forEach((name, values) -> values.forEach(value -> add(headers, name, value)));
        }
        String rawQuery = request.getURI().getRawQuery();
        InetSocketAddress remote = request.getRemoteAddress();
        InetSocketAddress local = request.getLocalAddress();
        return new Invocation.ClientRequest(
                request.getMethod().name(),
                headers.last("Host").orElse(null),
                request.getURI().getRawPath(),
                rawQuery == null ? "" : rawQuery,
                parseQuery(rawQuery),
                headers,
                remote == null || remote.getAddress() == null
                        ? "127.0.0.1"
                        : remote.getAddress().getHostAddress(),
                local == null ? 0 : local.getPort(),
                request.getURI().getScheme() == null ? "http" : request.getURI().getScheme());
    }

    private static void add(HeaderList headers, String name, String value) {
        if (!DROPPED_ON_ARRIVAL.contains(name.toLowerCase(Locale.ROOT))) {
            headers.add(name, value);
        }
    }

    /** Query parameters decoded as a form ({@code +} is a space), in order, repeated names kept. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed escape stays as sent
        }
    }
}
