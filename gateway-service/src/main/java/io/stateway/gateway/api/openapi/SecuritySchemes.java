package io.stateway.gateway.api.openapi;

import io.stateway.gateway.api.Authorization;
import io.stateway.gateway.auth.AuthorizerConfigs;
import io.stateway.gateway.auth.InvalidAuthorizerException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The document's security schemes and what each means for a method that lists it. */
final class SecuritySchemes {

    /**
     * What listing a scheme in a method's {@code security} requires.
     *
     * @param apiKey an API key
     * @param authorization the kind of authorizer
     * @param authorizer the authorizer's scheme
     * @param scopes the scopes the method lists for it
     */
    record Requirement(boolean apiKey, Authorization authorization, Optional<String> authorizer, List<String> scopes) {

        Requirement(boolean apiKey, Authorization authorization, Optional<String> authorizer) {
            this(apiKey, authorization, authorizer, List.of());
        }
    }

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
            Authorization kind = switch (type) {
                case "cognito_user_pools" -> Authorization.COGNITO_USER_POOLS;
                case "jwt" -> Authorization.JWT;
                default -> Authorization.CUSTOM;
            };
            try {
                AuthorizerConfigs.read(name, scheme);
            } catch (InvalidAuthorizerException e) {
                findings.warning(
                        Findings.pointer(location, "x-amazon-apigateway-authorizer"),
                        e.getMessage() + ": methods using it answer 500 AUTHORIZER_CONFIGURATION_ERROR");
            }
            return new Requirement(false, kind, Optional.of(name));
        }
        String authType = scheme.path("x-amazon-apigateway-authtype").asString("");
        if (authType.equalsIgnoreCase("awsSigv4")) {
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
