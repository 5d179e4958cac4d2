package io.stateway.gateway.api;

import java.util.List;

/**
 * CORS settings of an API ({@code x-amazon-apigateway-cors}, as API Gateway HTTP APIs declare them).
 *
 * @param allowOrigins origins allowed, or {@code *}
 * @param allowMethods methods allowed on preflight, or {@code *}
 * @param allowHeaders request headers allowed on preflight, or {@code *}
 * @param exposeHeaders response headers exposed to the browser
 * @param maxAgeSeconds how long a browser may cache a preflight answer; negative: not sent
 * @param allowCredentials whether credentialed requests are allowed
 */
public record Cors(
        List<String> allowOrigins,
        List<String> allowMethods,
        List<String> allowHeaders,
        List<String> exposeHeaders,
        int maxAgeSeconds,
        boolean allowCredentials) {

    public Cors {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }
}
