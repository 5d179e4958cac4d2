package io.stateway.gateway.routing;

import io.stateway.gateway.api.Integration;
import io.stateway.gateway.vtl.VtlTemplate;
import java.util.List;
import java.util.Map;

/**
 * An integration ready for the request path: templates compiled, responses with compiled patterns.
 *
 * @param definition the integration as declared
 * @param requestTemplates compiled request templates by content type, in document order
 * @param responses the integration responses, in document order
 */
public record CompiledIntegration(
        Integration definition,
        Map<String, VtlTemplate> requestTemplates,
        List<CompiledIntegrationResponse> responses) {

    public CompiledIntegration {
        requestTemplates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requestTemplates));
        responses = List.copyOf(responses);
    }
}
