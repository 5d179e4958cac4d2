package io.stateway.gateway.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method's integration ({@code x-amazon-apigateway-integration}).
 *
 * @param type the integration type
 * @param httpMethod the method used towards the backend; empty for MOCK ({@code ANY}: the client's)
 * @param uri the backend: an HTTP URL (may hold {@code {param}} and {@code ${stageVariables.x}}), or an
 *     {@code arn:aws:apigateway:<region>:<service>:<path|action>/...} ARN; empty for MOCK
 * @param credentials the role ARN the integration runs as (recorded; functions are reached over HTTP)
 * @param requestParameters {@code integration.request.<header|querystring|path>.<name>} to its source
 * @param requestTemplates request body templates (VTL) per content type
 * @param passthroughBehavior what to do without a matching template
 * @param contentHandling binary/text conversion of the request body
 * @param timeoutMillis the integration timeout, 50 to 29,000 ms
 * @param cacheNamespace groups cache entries of methods that share them
 * @param cacheKeyParameters {@code method.request.*} parameters that are part of the cache key
 * @param responses the integration responses, in document order
 * @param payloadFormatVersion {@code 1.0} or {@code 2.0}: the Lambda proxy event format
 */
public record Integration(
        IntegrationType type,
        Optional<String> httpMethod,
        Optional<String> uri,
        Optional<String> credentials,
        Map<String, String> requestParameters,
        Map<String, String> requestTemplates,
        PassthroughBehavior passthroughBehavior,
        Optional<ContentHandling> contentHandling,
        int timeoutMillis,
        Optional<String> cacheNamespace,
        List<String> cacheKeyParameters,
        List<IntegrationResponse> responses,
        String payloadFormatVersion) {

    public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;
    public static final int MIN_TIMEOUT_MILLIS = 50;

    public Integration {
        requestParameters = Maps.ordered(requestParameters);
        requestTemplates = Maps.ordered(requestTemplates);
        cacheKeyParameters = List.copyOf(cacheKeyParameters);
        responses = List.copyOf(responses);
    }
}
