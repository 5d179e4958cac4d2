package io.stateway.gateway.api;

import java.util.Map;
import java.util.Optional;

/**
 * A customised gateway response ({@code x-amazon-apigateway-gateway-responses.<TYPE>}).
 *
 * @param statusCode the status to send instead of the type's default; empty keeps it
 * @param responseParameters {@code gatewayresponse.header.<name>} to a static value ({@code 'v'}), or
 *     {@code method.request.*}, {@code context.*}, {@code stageVariables.*}
 * @param responseTemplates body templates (VTL) per content type
 */
public record GatewayResponseDefinition(
        Optional<Integer> statusCode, Map<String, String> responseParameters, Map<String, String> responseTemplates) {

    public GatewayResponseDefinition {
        responseParameters = Maps.ordered(responseParameters);
        responseTemplates = Maps.ordered(responseTemplates);
    }
}
