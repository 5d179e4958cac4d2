package io.stateway.gateway.api;

import java.util.Map;
import java.util.Optional;

/**
 * An integration response ({@code x-amazon-apigateway-integration.responses.<selectionPattern>}).
 *
 * @param selectionPattern a Java regular expression matched against the backend's status code (or, for
 *     Lambda AWS integrations, the function's {@code errorMessage}); empty for the default response
 * @param statusCode the method response status to send
 * @param responseParameters {@code method.response.header.<name>} to its source
 * @param responseTemplates body templates (VTL) per content type
 * @param contentHandling binary/text conversion of the response body
 */
public record IntegrationResponse(
        Optional<String> selectionPattern,
        String statusCode,
        Map<String, String> responseParameters,
        Map<String, String> responseTemplates,
        Optional<ContentHandling> contentHandling) {

    public IntegrationResponse {
        responseParameters = Maps.ordered(responseParameters);
        responseTemplates = Maps.ordered(responseTemplates);
    }

    public boolean isDefault() {
        return selectionPattern.isEmpty();
    }
}
