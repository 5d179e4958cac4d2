package io.stateway.gateway.api.openapi;

import io.stateway.gateway.api.ApiKeySource;
import io.stateway.gateway.api.ApiMethod;
import io.stateway.gateway.api.ApiResource;
import io.stateway.gateway.api.Integration;
import io.stateway.gateway.api.IntegrationResponse;
import io.stateway.gateway.api.MethodResponse;
import io.stateway.gateway.api.RestApi;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link RestApi} as API Gateway exports it with integrations ({@code extensions=integrations}):
 * OpenAPI 3.0.1 or Swagger 2.0, with the {@code x-amazon-apigateway-*} extensions, so that an export
 * imports back to the same API.
 */
public final class OpenApiExporter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiExporter() {}

    /**
     * @param serverUrl the stage's invoke URL for {@code servers}/{@code host}, or null for none
     */
    public static ObjectNode export(RestApi api, ExportType type, String serverUrl) {
        boolean swagger = type == ExportType.SWAGGER;
        ObjectNode document = JSON.createObjectNode();
        if (swagger) {
            document.put("swagger", "2.0");
        } else {
            document.put("openapi", "3.0.1");
        }
        ObjectNode info = document.putObject("info");
        info.put("title", api.info().title());
        if (!api.info().description().isEmpty()) {
            info.put("description", api.info().description());
        }
        info.put("version", api.info().version());
        if (serverUrl != null) {
            if (swagger) {
                java.net.URI url = java.net.URI.create(serverUrl);
                document.put("host", url.getAuthority());
                document.put("basePath", url.getPath().isEmpty() ? "/" : url.getPath());
                document.putArray("schemes").add(url.getScheme());
            } else {
                document.putArray("servers").addObject().put("url", serverUrl);
            }
        }
        ObjectNode paths = document.putObject("paths");
        for (ApiResource resource : api.resources()) {
            if (resource.methods().isEmpty()) {
                continue;
            }
            ObjectNode pathItem = paths.putObject(resource.path());
            resource.methods()
                    .forEach((httpMethod, method) -> pathItem.set(
                            httpMethod.equals("ANY")
                                    ? "x-amazon-apigateway-any-method"
                                    : httpMethod.toLowerCase(Locale.ROOT),
                            operation(method, swagger)));
        }
        ObjectNode models = JSON.createObjectNode();
        api.models().forEach((name, schema) -> models.set(name, references(schema, swagger)));
        ObjectNode schemes = JSON.createObjectNode();
        api.securitySchemes().forEach(schemes::set);
        boolean keys = api.resources().stream()
                .flatMap(r -> r.methods().values().stream())
                .anyMatch(ApiMethod::apiKeyRequired);
        if (keys && !schemes.has("api_key")) {
            schemes.putObject("api_key")
                    .put("type", "apiKey")
                    .put("name", "x-api-key")
                    .put("in", "header");
        }
        if (swagger) {
            if (!schemes.isEmpty()) {
                document.set("securityDefinitions", schemes);
            }
            if (!models.isEmpty()) {
                document.set("definitions", models);
            }
        } else if (!models.isEmpty() || !schemes.isEmpty()) {
            ObjectNode components = document.putObject("components");
            if (!models.isEmpty()) {
                components.set("schemas", models);
            }
            if (!schemes.isEmpty()) {
                components.set("securitySchemes", schemes);
            }
        }
        extensions(api, document);
        return document;
    }

    private static ObjectNode operation(ApiMethod method, boolean swagger) {
        ObjectNode operation = JSON.createObjectNode();
        if (!method.operationName().isEmpty()) {
            operation.put("operationId", method.operationName());
        }
        ArrayNode parameters = JSON.createArrayNode();
        method.requestParameters().forEach((key, required) -> {
            String[] parts = key.split("\\.", 4);
            ObjectNode parameter = parameters.addObject();
            parameter.put("name", parts[3]);
            parameter.put("in", parts[2].equals("querystring") ? "query" : parts[2]);
            parameter.put("required", required);
            if (swagger) {
                parameter.put("type", "string");
            } else {
                parameter.putObject("schema").put("type", "string");
            }
        });
        if (swagger && !method.requestModels().isEmpty()) {
            ObjectNode body = parameters.addObject();
            body.put("in", "body");
            body.put("name", method.requestModels().values().iterator().next());
            body.put("required", true);
            body.putObject("schema")
                    .put(
                            "$ref",
                            "#/definitions/"
                                    + method.requestModels().values().iterator().next());
            operation
                    .putArray("consumes")
                    .addAll(method.requestModels().keySet().stream()
                            .map(JSON.getNodeFactory()::stringNode)
                            .toList());
        }
        if (!parameters.isEmpty()) {
            operation.set("parameters", parameters);
        }
        if (!swagger && !method.requestModels().isEmpty()) {
            ObjectNode content = operation.putObject("requestBody").putObject("content");
            method.requestModels()
                    .forEach((type, model) ->
                            content.putObject(type).putObject("schema").put("$ref", "#/components/schemas/" + model));
            ((ObjectNode) operation.get("requestBody")).put("required", true);
        }
        ObjectNode responses = operation.putObject("responses");
        for (MethodResponse response : method.responses().values()) {
            ObjectNode node = responses.putObject(response.statusCode());
            node.put("description", response.statusCode() + " response");
            if (!response.responseParameters().isEmpty()) {
                ObjectNode headers = node.putObject("headers");
                response.responseParameters().forEach((key, required) -> {
                    ObjectNode header = headers.putObject(key.substring("method.response.header.".length()));
                    if (swagger) {
                        header.put("type", "string");
                    } else {
                        header.put("required", required);
                        header.putObject("schema").put("type", "string");
                    }
                });
            }
            if (!response.responseModels().isEmpty()) {
                if (swagger) {
                    node.putObject("schema")
                            .put(
                                    "$ref",
                                    "#/definitions/"
                                            + response.responseModels()
                                                    .values()
                                                    .iterator()
                                                    .next());
                } else {
                    ObjectNode content = node.putObject("content");
                    response.responseModels()
                            .forEach((type, model) -> content.putObject(type)
                                    .putObject("schema")
                                    .put("$ref", "#/components/schemas/" + model));
                }
            }
        }
        if (method.apiKeyRequired() || method.authorizerName().isPresent()) {
            ObjectNode requirement = operation.putArray("security").addObject();
            if (method.apiKeyRequired()) {
                requirement.putArray("api_key");
            }
            method.authorizerName()
                    .ifPresent(name -> method.authorizationScopes().forEach(requirement.putArray(name)::add));
        }
        method.requestValidator().ifPresent(name -> operation.put("x-amazon-apigateway-request-validator", name));
        method.integration()
                .ifPresent(integration -> operation.set("x-amazon-apigateway-integration", integration(integration)));
        return operation;
    }

    private static ObjectNode integration(Integration integration) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", integration.type().exportName());
        integration.httpMethod().ifPresent(method -> node.put("httpMethod", method));
        integration.uri().ifPresent(uri -> node.put("uri", uri));
        integration.credentials().ifPresent(credentials -> node.put("credentials", credentials));
        if (!integration.requestParameters().isEmpty()) {
            ObjectNode parameters = node.putObject("requestParameters");
            integration.requestParameters().forEach(parameters::put);
        }
        if (!integration.requestTemplates().isEmpty()) {
            ObjectNode templates = node.putObject("requestTemplates");
            integration.requestTemplates().forEach(templates::put);
        }
        node.put("passthroughBehavior", integration.passthroughBehavior().exportName());
        integration.contentHandling().ifPresent(handling -> node.put("contentHandling", handling.name()));
        node.put("timeoutInMillis", integration.timeoutMillis());
        integration.cacheNamespace().ifPresent(namespace -> node.put("cacheNamespace", namespace));
        if (!integration.cacheKeyParameters().isEmpty()) {
            ArrayNode keys = node.putArray("cacheKeyParameters");
            integration.cacheKeyParameters().forEach(keys::add);
        }
        if (!integration.payloadFormatVersion().equals("1.0")) {
            node.put("payloadFormatVersion", integration.payloadFormatVersion());
        }
        if (!integration.responses().isEmpty()) {
            ObjectNode responses = node.putObject("responses");
            for (IntegrationResponse response : integration.responses()) {
                ObjectNode item =
                        responses.putObject(response.selectionPattern().orElse("default"));
                item.put("statusCode", response.statusCode());
                if (!response.responseParameters().isEmpty()) {
                    ObjectNode parameters = item.putObject("responseParameters");
                    response.responseParameters().forEach(parameters::put);
                }
                if (!response.responseTemplates().isEmpty()) {
                    ObjectNode templates = item.putObject("responseTemplates");
                    response.responseTemplates().forEach(templates::put);
                }
                response.contentHandling().ifPresent(handling -> item.put("contentHandling", handling.name()));
            }
        }
        return node;
    }

    private static void extensions(RestApi api, ObjectNode document) {
        if (!api.validators().isEmpty()) {
            ObjectNode validators = document.putObject("x-amazon-apigateway-request-validators");
            api.validators()
                    .forEach((name, validator) -> validators
                            .putObject(name)
                            .put("validateRequestBody", validator.validateRequestBody())
                            .put("validateRequestParameters", validator.validateRequestParameters()));
        }
        if (!api.gatewayResponses().isEmpty()) {
            ObjectNode responses = document.putObject("x-amazon-apigateway-gateway-responses");
            api.gatewayResponses().forEach((type, definition) -> {
                ObjectNode response = responses.putObject(type.name());
                definition.statusCode().ifPresent(status -> response.put("statusCode", Integer.toString(status)));
                ObjectNode parameters = response.putObject("responseParameters");
                definition.responseParameters().forEach(parameters::put);
                if (!definition.responseTemplates().isEmpty()) {
                    ObjectNode templates = response.putObject("responseTemplates");
                    definition.responseTemplates().forEach(templates::put);
                }
            });
        }
        if (!api.binaryMediaTypes().isEmpty()) {
            ArrayNode types = document.putArray("x-amazon-apigateway-binary-media-types");
            api.binaryMediaTypes().forEach(types::add);
        }
        if (api.apiKeySource() != ApiKeySource.HEADER) {
            document.put(
                    "x-amazon-apigateway-api-key-source", api.apiKeySource().name());
        }
        api.cors().ifPresent(cors -> {
            ObjectNode node = document.putObject("x-amazon-apigateway-cors");
            strings(node, "allowOrigins", cors.allowOrigins());
            strings(node, "allowMethods", cors.allowMethods());
            strings(node, "allowHeaders", cors.allowHeaders());
            strings(node, "exposeHeaders", cors.exposeHeaders());
            if (cors.maxAgeSeconds() >= 0) {
                node.put("maxAge", cors.maxAgeSeconds());
            }
            node.put("allowCredentials", cors.allowCredentials());
        });
    }

    private static void strings(ObjectNode node, String field, java.util.List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    /** Model references in the export's own form ({@code #/components/schemas/} or {@code #/definitions/}). */
    private static JsonNode references(JsonNode schema, boolean swagger) {
        JsonNode copy = schema.deepCopy();
        if (!swagger) {
            rewrite(copy);
        }
        return copy;
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#/definitions/")) {
                object.put("$ref", "#/components/schemas/" + ref.asString().substring("#/definitions/".length()));
            }
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                rewrite(entry.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(OpenApiExporter::rewrite);
        }
    }
}
