package io.stateway.gateway.api;

import java.util.Map;

/**
 * A method response (an OpenAPI {@code responses} entry).
 *
 * @param statusCode the status code
 * @param responseParameters {@code method.response.header.<name>} to whether it is required
 * @param responseModels content type to model name
 */
public record MethodResponse(
        String statusCode, Map<String, Boolean> responseParameters, Map<String, String> responseModels) {

    public MethodResponse {
        responseParameters = Maps.ordered(responseParameters);
        responseModels = Maps.ordered(responseModels);
    }
}
