package io.stateway.gateway.routing;

import io.stateway.gateway.api.GatewayResponseDefinition;
import io.stateway.gateway.vtl.VtlTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A customised gateway response with its templates compiled. */
public record CompiledGatewayResponse(GatewayResponseDefinition definition, Map<String, VtlTemplate> templates) {

    public CompiledGatewayResponse {
        templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }
}
