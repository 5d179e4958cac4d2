package io.stateway.gateway.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running authorizer-service as a gateway and its admin clients need it.
 *
 * @param url its base URL
 * @param adminToken the bearer token of its admin API (keys, plans)
 * @param internalToken the bearer token the gateway presents on {@code /internal/v1}
 * @param apiKeyPepper the secret API keys are hashed with
 */
public record AuthorizerEndpoint(String url, String adminToken, String internalToken, String apiKeyPepper) {

    /** The gateway's settings that point it at this authorizer. */
    public Map<String, Object> gatewaySettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("stateway.gateway.authorizer.url", url);
        settings.put("stateway.gateway.authorizer.internal-token", internalToken);
        settings.put("stateway.gateway.authorizer.api-key-pepper", apiKeyPepper);
        settings.put("stateway.gateway.authorizer.retry-interval", "500ms");
        return settings;
    }
}
