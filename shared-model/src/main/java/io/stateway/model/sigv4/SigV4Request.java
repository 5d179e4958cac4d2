package io.stateway.model.sigv4;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as SigV4 sees it.
 *
 * @param method the HTTP method
 * @param rawPath the path exactly as sent (percent-encoded as the client encoded it)
 * @param rawQuery the query string exactly as sent, or {@code null}
 * @param headers the headers by lower-case name, each with its values in order
 * @param payloadSha256 hex SHA-256 of the body as received (the caller holds the body)
 */
public record SigV4Request(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String payloadSha256) {

    public SigV4Request {
        Objects.requireNonNull(method, "method");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(payloadSha256, "payloadSha256");
    }

    /** The first value of a header, by lower-case name, or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
