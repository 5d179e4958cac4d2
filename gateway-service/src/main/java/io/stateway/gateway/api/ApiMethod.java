package io.stateway.gateway.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method of a resource (an OpenAPI operation, or {@code x-amazon-apigateway-any-method}).
 *
 * @param httpMethod {@code GET}, {@code POST}, ... or {@code ANY}
 * @param operationName the operation id, may be empty
 * @param authorization how the caller is authenticated
 * @param authorizerName the security scheme of a custom or Cognito authorizer, if any
 * @param authorizationScopes scopes of which a JWT authorizer's token must grant one (the security
 *     requirement's list); empty for none
 * @param apiKeyRequired whether an API key is required
 * @param requestParameters {@code method.request.<path|querystring|header>.<name>} to whether it is required
 * @param requestModels content type to model name of the request body
 * @param requestValidator the validator's name, if the method (or the API by default) names one
 * @param responses method responses by status code
 * @param integration the integration; empty if the document declares none (deployments refuse that)
 */
public record ApiMethod(
        String httpMethod,
        String operationName,
        Authorization authorization,
        Optional<String> authorizerName,
        List<String> authorizationScopes,
        boolean apiKeyRequired,
        Map<String, Boolean> requestParameters,
        Map<String, String> requestModels,
        Optional<String> requestValidator,
        Map<String, MethodResponse> responses,
        Optional<Integration> integration) {

    public ApiMethod {
        authorizationScopes = List.copyOf(authorizationScopes);
        requestParameters = Maps.ordered(requestParameters);
        requestModels = Maps.ordered(requestModels);
        responses = Maps.ordered(responses);
    }
}
