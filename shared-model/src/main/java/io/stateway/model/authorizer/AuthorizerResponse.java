package io.stateway.model.authorizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a custom authorizer returns, in AWS's Lambda authorizer output shape: {@code {"principalId":
 * ..., "policyDocument": {...}, "context": {...}, "usageIdentifierKey": ...}}.
 *
 * @param principalId the caller's identity, available to mappings as {@code
 *     $context.authorizer.principalId}
 * @param policyDocument which methods the caller may invoke
 * @param context extra values for mappings ({@code $context.authorizer.<key>}): AWS allows only
 *     strings, numbers and booleans, no objects or arrays; empty if absent
 * @param usageIdentifierKey the API key to meter against a usage plan when the API's key source is
 *     {@code AUTHORIZER}; {@code null} otherwise
 */
public record AuthorizerResponse(
        String principalId, PolicyDocument policyDocument, Map<String, Object> context, String usageIdentifierKey) {

    public AuthorizerResponse {
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(policyDocument, "policyDocument");
        if (context == null) {
            context = Map.of();
        } else {
            context.forEach((key, value) -> {
                if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw new IllegalArgumentException("authorizer context value of '" + key
                            + "' must be a string, number or boolean, not " + value);
                }
            });
            // An unmodifiable copy that keeps the authorizer's order.
            context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        }
    }
}
