package io.stateway.orchestrator.api.sigv4;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as received, as SigV4 sees it.
 *
 * @param method the HTTP method
 * @param rawPath the path exactly as sent (percent-encoded as the client encoded it)
 * @param rawQuery the query string exactly as sent, or {@code null}
 * @param headers the headers by lower-case name, each with its values in order
 * @param body the body bytes
 */
record ReceivedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
