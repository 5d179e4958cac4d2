package io.stateway.gateway.routing;

import java.util.Map;

/**
 * A request matched to a method.
 *
 * @param method the method
 * @param pathParameters path variables by name, as they appear in the request (not decoded)
 */
public record RouteMatch(CompiledMethod method, Map<String, String> pathParameters) {

    public RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
