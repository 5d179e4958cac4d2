package io.stateway.gateway.auth;

import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.pipeline.GatewayError;
import io.stateway.gateway.pipeline.Invocation;
import io.stateway.gateway.routing.CompiledApi;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The authorizer of the matched method, read from its deployment's security schemes once per deployment
 * (deployments never change). A missing or invalid declaration fails closed: 500
 * {@code AUTHORIZER_CONFIGURATION_ERROR}.
 */
@Component
class Authorizers {

    private final Map<String, Object> byDeployment = new ConcurrentHashMap<>();

    AuthorizerConfig of(Invocation invocation) {
        CompiledApi api = invocation.stage().orElseThrow().api();
        String name = invocation.method().method().authorizerName().orElse("");
        Object config = byDeployment.computeIfAbsent(
                api.apiId() + "/" + api.deploymentId() + "/" + name, key -> read(api, name));
        if (config instanceof AuthorizerConfig authorizer) {
            return authorizer;
        }
        throw new GatewayError(
                GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR,
                500,
                "Internal server error",
                new IllegalStateException((String) config));
    }

    private static Object read(CompiledApi api, String name) {
        JsonNode scheme = api.api().securitySchemes().get(name);
        if (scheme == null) {
            return "The method's authorizer '" + name + "' is not among the API's security schemes";
        }
        try {
            return AuthorizerConfigs.read(name, scheme);
        } catch (InvalidAuthorizerException e) {
            return e.getMessage();
        }
    }
}
