package io.stateway.gateway.integration;

import io.stateway.gateway.GatewayProperties;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Where a Lambda-style function is reached: an HTTP URL its invocation is POSTed to (the Lambda Invoke
 * contract). Until the orchestrator's function registry exists, the gateway's own configuration
 * ({@code stateway.gateway.functions}) maps function names or ARNs to URLs.
 */
@Component
public class FunctionRegistry {

    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:([^:/]+)(?::([^:/]+))?");

    private final Map<String, URI> endpoints;
    private final String urlTemplate;

    public FunctionRegistry(GatewayProperties properties) {
        this.endpoints = Map.copyOf(properties.functions().endpoints());
        this.urlTemplate = properties.functions().urlTemplate();
    }

    /**
     * @param function a function ARN (with or without qualifier) or name
     */
    public Optional<URI> endpoint(String function) {
        URI exact = endpoints.get(function);
        if (exact != null) {
            return Optional.of(exact);
        }
        Matcher arn = FUNCTION_ARN.matcher(function);
        String name = arn.matches() ? arn.group(1) : function;
        if (arn.matches() && arn.group(2) != null) {
            URI qualified = endpoints.get(name + ":" + arn.group(2));
            if (qualified != null) {
                return Optional.of(qualified);
            }
        }
        URI byName = endpoints.get(name);
        if (byName != null) {
            return Optional.of(byName);
        }
        if (!urlTemplate.isEmpty() && name.matches("[A-Za-z0-9_-]+")) {
            return Optional.of(URI.create(urlTemplate.replace("{name}", name)));
        }
        return Optional.empty();
    }

    /** The function of a Lambda integration URI ({@code .../functions/<arn>/invocations}). */
    public static Optional<String> functionOf(String integrationUri) {
        int start = integrationUri.indexOf("functions/");
        int end = integrationUri.lastIndexOf("/invocations");
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        return Optional.of(integrationUri.substring(start + "functions/".length(), end));
    }
}
