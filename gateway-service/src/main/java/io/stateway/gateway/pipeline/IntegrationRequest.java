package io.stateway.gateway.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The request a non-proxy integration sends, after parameter mapping and the request template.
 *
 * @param httpMethod the method towards the backend
 * @param uri the backend URI with path parameters and stage variables rendered (empty for MOCK)
 * @param query query string parameters, in order
 * @param headers the headers to send
 * @param body the body to send
 */
public record IntegrationRequest(
        String httpMethod, String uri, Map<String, List<String>> query, HeaderList headers, byte[] body) {}
