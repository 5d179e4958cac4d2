package io.stateway.gateway.api.openapi;

import io.stateway.gateway.api.Authorization;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The document's security schemes and what each means for a method that lists it. */
final class SecuritySchemes {

    /** What listing a scheme in a method's {@code security} requires. */
    record Requirement(boolean apiKey, Authorization authorization, Optional<String> authorizer) {}

    private final Map<String, JsonNode> schemes = new LinkedHashMap<>();
    private final Map<String, Requirement> requirements = new LinkedHashMap<>();

    SecuritySchemes(JsonNode document, boolean swagger, Findings findings) {
        String location = swagger ? "/securityDefinitions" : "/components/securitySchemes";
        JsonNode node = swagger
                ? document.get("securityDefinitions")
                : document.path("components").get("securitySchemes");
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            findings.error(location, "must be an object");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String here = Findings.pointer(location, entry.getKey());
            JsonNode scheme = entry.getValue();
            schemes.put(entry.getKey(), scheme);
            requirements.put(entry.getKey(), requirement(entry.getKey(), scheme, here, findings));
        }
    }

    Map<String, JsonNode> all() {
        return schemes;
    }

    Optional<Requirement> requirement(String name) {
        return Optional.ofNullable(requirements.get(name));
    }

    private static Requirement requirement(String name, JsonNode scheme, String location, Findings findings) {
        JsonNode authorizer = scheme.get("x-amazon-apigateway-authorizer");
        if (authorizer != null && authorizer.isObject()) {
            String type = authorizer.path("type").asString("").toLowerCase(Locale.ROOT);
            Authorization kind =
                    type.equals("cognito_user_pools") ? Authorization.COGNITO_USER_POOLS : Authorization.CUSTOM;
            findings.warning(
                    Findings.pointer(location, "x-amazon-apigateway-authorizer"),
                    "Authorizers are not enforced by this gateway version: methods using '" + name
                            + "' answer 500 AUTHORIZER_CONFIGURATION_ERROR until they are");
            return new Requirement(false, kind, Optional.of(name));
        }
        String authType = scheme.path("x-amazon-apigateway-authtype").asString("");
        if (authType.equalsIgnoreCase("awsSigv4")) {
            findings.warning(
                    location,
                    "SigV4 (AWS_IAM) is not enforced by this gateway version: methods using '" + name
                            + "' answer 500 AUTHORIZER_CONFIGURATION_ERROR until it is");
            return new Requirement(false, Authorization.AWS_IAM, Optional.empty());
        }
        boolean apiKey = scheme.path("type").asString("").equals("apiKey")
                && scheme.path("in").asString("").equals("header")
                && scheme.path("name").asString("").equalsIgnoreCase("x-api-key");
        if (!apiKey) {
            findings.warning(
                    location,
                    "Security scheme '" + name + "' is neither an API key (x-api-key header) nor"
                            + " an API Gateway authorizer; methods listing it are not protected by it");
        }
        return new Requirement(apiKey, Authorization.NONE, Optional.empty());
    }
}
