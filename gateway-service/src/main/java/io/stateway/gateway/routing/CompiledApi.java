package io.stateway.gateway.routing;

import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.api.RestApi;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment of an API, compiled for the request path.
 *
 * @param apiId the API's id
 * @param deploymentId the deployment's id
 * @param endpointType EDGE, REGIONAL or PRIVATE
 * @param api the API as declared in the deployment
 * @param resources its resources as a match tree
 * @param gatewayResponses its customised gateway responses
 */
public record CompiledApi(
        String apiId,
        String deploymentId,
        String endpointType,
        RestApi api,
        ResourceTree resources,
        Map<GatewayResponseType, CompiledGatewayResponse> gatewayResponses) {

    public CompiledApi {
        gatewayResponses = Map.copyOf(gatewayResponses);
    }

    public Optional<CompiledGatewayResponse> gatewayResponse(GatewayResponseType type) {
        return Optional.ofNullable(gatewayResponses.get(type));
    }
}
