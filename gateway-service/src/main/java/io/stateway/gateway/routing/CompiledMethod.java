package io.stateway.gateway.routing;

import com.networknt.schema.Schema;
import io.stateway.gateway.api.ApiMethod;
import io.stateway.gateway.api.ApiResource;
import io.stateway.gateway.api.RequestValidator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method of a deployed API, ready for the request path.
 *
 * @param resource the resource it belongs to
 * @param method the method as declared
 * @param validator its request validator, if any
 * @param requiredParameters the required {@code method.request.*} parameters, in AWS's order
 * @param bodySchemas the request models, compiled, by content type
 * @param integration the compiled integration; empty if the method has none (answered as a configuration
 *     error: deployments refuse such methods, so only documents loaded some other way can have one)
 */
public record CompiledMethod(
        ApiResource resource,
        ApiMethod method,
        Optional<RequestValidator> validator,
        List<String> requiredParameters,
        Map<String, Schema> bodySchemas,
        Optional<CompiledIntegration> integration) {

    public CompiledMethod {
        requiredParameters = List.copyOf(requiredParameters);
        bodySchemas = Map.copyOf(bodySchemas);
    }
}
