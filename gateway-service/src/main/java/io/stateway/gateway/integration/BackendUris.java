package io.stateway.gateway.integration;

import io.stateway.gateway.pipeline.GatewayError;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The URL an HTTP integration calls: the rendered URI plus the mapped query string. */
final class BackendUris {

    private BackendUris() {}

    /** @throws GatewayError 500 (a configuration error, as on AWS) if the URI is not a valid http(s) URL */
    static URI of(String uri, Map<String, List<String>> query) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw GatewayError.internal("Execution failed due to configuration error: Invalid endpoint address " + uri);
        }
        String scheme = parsed.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || parsed.getHost() == null
                || parsed.getHost().isEmpty()) {
            throw GatewayError.internal("Execution failed due to configuration error: Invalid endpoint address " + uri);
        }
        if (query.isEmpty()) {
            return parsed;
        }
        StringBuilder full = new StringBuilder(uri);
        boolean first = parsed.getRawQuery() == null || parsed.getRawQuery().isEmpty();
        if (first && !uri.endsWith("?")) {
            full.append('?');
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                if (!first) {
                    full.append('&');
                }
                first = false;
                full.append(encode(parameter.getKey())).append('=').append(encode(value));
            }
        }
        return URI.create(full.toString());
    }

    /** host:port of a URL, the circuit breaker's target name. */
    static String target(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
