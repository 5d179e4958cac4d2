package io.stateway.gateway.api.openapi;

import io.stateway.gateway.api.ApiMethod;
import io.stateway.gateway.api.Authorization;
import io.stateway.gateway.api.Integration;
import io.stateway.gateway.api.MethodResponse;
import io.stateway.gateway.api.RequestValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads one operation (a method of a resource), OpenAPI 3.0 or Swagger 2.0. */
final class OperationReader {

    private final JsonNode document;
    private final boolean swagger;
    private final Findings findings;
    private final ModelReader models;
    private final SecuritySchemes schemes;
    private final Map<String, RequestValidator> validators;
    private final Optional<String> defaultValidator;
    private final IntegrationReader integrations;

    OperationReader(
            JsonNode document,
            boolean swagger,
            Findings findings,
            ModelReader models,
            SecuritySchemes schemes,
            Map<String, RequestValidator> validators,
            Optional<String> defaultValidator,
            IntegrationReader integrations) {
        this.document = document;
        this.swagger = swagger;
        this.findings = findings;
        this.models = models;
        this.schemes = schemes;
        this.validators = validators;
        this.defaultValidator = defaultValidator;
        this.integrations = integrations;
    }

    ApiMethod read(
            String httpMethod, JsonNode operation, JsonNode pathItem, String location, String inlineModelPrefix) {
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        Map<String, String> requestModels = new LinkedHashMap<>();
        readParameters(
                pathItem.get("parameters"),
                Findings.pointer(pointerOfPathItem(location), "parameters"),
                parameters,
                requestModels,
                operation,
                inlineModelPrefix);
        readParameters(
                operation.get("parameters"),
                Findings.pointer(location, "parameters"),
                parameters,
                requestModels,
                operation,
                inlineModelPrefix);
        if (!swagger) {
            readRequestBody(operation, location, requestModels, inlineModelPrefix);
        }
        Map<String, MethodResponse> responses = readResponses(operation, location, inlineModelPrefix);
        SecuritySchemes.Requirement security = readSecurity(operation, location);
        Optional<String> validator = Nodes.text(operation, "x-amazon-apigateway-request-validator", location, findings)
                .or(() -> defaultValidator);
        validator
                .filter(name -> !validators.containsKey(name))
                .ifPresent(name -> findings.error(
                        Findings.pointer(location, "x-amazon-apigateway-request-validator"),
                        "Invalid request validator name specified: " + name));
        Authorization authorization = security.authorization();
        JsonNode auth = operation.get("x-amazon-apigateway-auth");
        if (auth != null && auth.path("type").asString("").equalsIgnoreCase("AWS_IAM")) {
            authorization = Authorization.AWS_IAM;
        }
        Optional<Integration> integration = Optional.empty();
        JsonNode integrationNode = operation.get("x-amazon-apigateway-integration");
        if (integrationNode == null || integrationNode.isNull()) {
            findings.warning(location, "No integration defined for method");
        } else {
            integration = integrations.read(
                    integrationNode,
                    Findings.pointer(location, "x-amazon-apigateway-integration"),
                    parameters.keySet());
        }
        return new ApiMethod(
                httpMethod,
                operation.path("operationId").asString(""),
                authorization,
                security.authorizer(),
                security.scopes(),
                security.apiKey(),
                parameters,
                requestModels,
                validator.filter(validators::containsKey),
                responses,
                integration);
    }

    private void readParameters(
            JsonNode list,
            String location,
            Map<String, Boolean> parameters,
            Map<String, String> requestModels,
            JsonNode operation,
            String inlineModelPrefix) {
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            findings.error(location, "must be an array of parameters");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String here = location + "/" + i;
            Optional<JsonNode> resolved = resolve(list.get(i), here);
            if (resolved.isEmpty()) {
                continue;
            }
            JsonNode parameter = resolved.get();
            String name = parameter.path("name").asString("");
            String in = parameter.path("in").asString("");
            if (name.isEmpty()) {
                findings.error(Findings.pointer(here, "name"), "A parameter must have a name");
                continue;
            }
            boolean required = parameter.path("required").asBoolean(false);
            switch (in) {
                case "path" -> parameters.put("method.request.path." + name, required);
                case "query" -> parameters.put("method.request.querystring." + name, required);
                case "header" -> parameters.put("method.request.header." + name, required);
                case "body" -> {
                    if (swagger && parameter.has("schema")) {
                        for (String type : mediaTypes(operation, "consumes")) {
                            models.modelFor(
                                            parameter.get("schema"),
                                            Findings.pointer(here, "schema"),
                                            inlineModelPrefix + "Body")
                                    .ifPresent(model -> requestModels.put(type, model));
                        }
                    } else {
                        findings.error(here, "A body parameter needs a schema");
                    }
                }
                case "cookie", "formData" ->
                    findings.warning(
                            here, "Parameters in '" + in + "' are not supported by API Gateway and are ignored");
                default -> findings.error(Findings.pointer(here, "in"), "must be path, query or header");
            }
        }
    }

    private void readRequestBody(
            JsonNode operation, String location, Map<String, String> requestModels, String inlinePrefix) {
        JsonNode body = operation.get("requestBody");
        if (body == null || body.isNull()) {
            return;
        }
        String here = Findings.pointer(location, "requestBody");
        resolve(body, here)
                .flatMap(resolved -> Nodes.object(resolved, "content", here, findings))
                .ifPresent(content -> {
                    for (Map.Entry<String, JsonNode> entry : content.properties()) {
                        String at = Findings.pointer(Findings.pointer(here, "content"), entry.getKey());
                        JsonNode schema = entry.getValue().get("schema");
                        if (schema != null) {
                            models.modelFor(schema, Findings.pointer(at, "schema"), inlinePrefix + "Body")
                                    .ifPresent(model -> requestModels.put(entry.getKey(), model));
                        }
                    }
                });
    }

    private Map<String, MethodResponse> readResponses(JsonNode operation, String location, String inlinePrefix) {
        Map<String, MethodResponse> result = new LinkedHashMap<>();
        Optional<JsonNode> responses = Nodes.object(operation, "responses", location, findings);
        if (responses.isEmpty()) {
            return result;
        }
        String base = Findings.pointer(location, "responses");
        for (Map.Entry<String, JsonNode> entry : responses.get().properties()) {
            String status = entry.getKey();
            String here = Findings.pointer(base, status);
            if (!status.matches("[1-5]\\d\\d")) {
                findings.warning(
                        here, "Only numeric status codes become method responses; '" + status + "' is ignored");
                continue;
            }
            Optional<JsonNode> resolved = resolve(entry.getValue(), here);
            if (resolved.isEmpty()) {
                continue;
            }
            JsonNode response = resolved.get();
            Map<String, Boolean> headers = new LinkedHashMap<>();
            Nodes.object(response, "headers", here, findings).ifPresent(h -> {
                for (Map.Entry<String, JsonNode> header : h.properties()) {
                    headers.put(
                            "method.response.header." + header.getKey(),
                            header.getValue().path("required").asBoolean(false));
                }
            });
            Map<String, String> responseModels = new LinkedHashMap<>();
            if (swagger) {
                JsonNode schema = response.get("schema");
                if (schema != null) {
                    for (String type : mediaTypes(operation, "produces")) {
                        models.modelFor(schema, Findings.pointer(here, "schema"), inlinePrefix + "Response")
                                .ifPresent(model -> responseModels.put(type, model));
                    }
                }
            } else {
                Nodes.object(response, "content", here, findings).ifPresent(content -> {
                    for (Map.Entry<String, JsonNode> type : content.properties()) {
                        JsonNode schema = type.getValue().get("schema");
                        if (schema != null) {
                            String at = Findings.pointer(
                                    Findings.pointer(Findings.pointer(here, "content"), type.getKey()), "schema");
                            models.modelFor(schema, at, inlinePrefix + "Response")
                                    .ifPresent(model -> responseModels.put(type.getKey(), model));
                        }
                    }
                });
            }
            result.put(status, new MethodResponse(status, headers, responseModels));
        }
        return result;
    }

    private SecuritySchemes.Requirement readSecurity(JsonNode operation, String location) {
        JsonNode security = operation.has("security") ? operation.get("security") : document.get("security");
        String here = operation.has("security") ? Findings.pointer(location, "security") : "/security";
        boolean apiKey = false;
        Authorization authorization = Authorization.NONE;
        Optional<String> authorizer = Optional.empty();
        if (security == null || security.isNull()) {
            return new SecuritySchemes.Requirement(false, authorization, authorizer, List.of());
        }
        if (!security.isArray()) {
            findings.error(here, "must be an array of security requirements");
            return new SecuritySchemes.Requirement(false, authorization, authorizer, List.of());
        }
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < security.size(); i++) {
            for (String name : security.get(i).propertyNames()) {
                Optional<SecuritySchemes.Requirement> requirement = schemes.requirement(name);
                if (requirement.isEmpty()) {
                    findings.error(here + "/" + i, "Unknown security scheme: " + name);
                    continue;
                }
                apiKey |= requirement.get().apiKey();
                if (requirement.get().authorization() != Authorization.NONE) {
                    authorization = requirement.get().authorization();
                    authorizer = requirement.get().authorizer();
                    security.get(i).get(name).values().forEach(scope -> scopes.add(scope.asString()));
                }
            }
        }
        return new SecuritySchemes.Requirement(apiKey, authorization, authorizer, scopes);
    }

    /** The media types of a Swagger 2.0 operation ({@code consumes}/{@code produces}), else the document's. */
    private List<String> mediaTypes(JsonNode operation, String field) {
        JsonNode types = operation.has(field) ? operation.get(field) : document.get(field);
        List<String> result = new ArrayList<>();
        if (types != null && types.isArray()) {
            types.values().forEach(type -> result.add(type.asString()));
        }
        return result.isEmpty() ? List.of("application/json") : result;
    }

    /** Follows a local {@code $ref} (to parameters, request bodies, responses) to the object it names. */
    private Optional<JsonNode> resolve(JsonNode node, String location) {
        JsonNode current = node;
        for (int hops = 0; hops < 10; hops++) {
            if (!current.isObject()) {
                findings.error(location, "must be an object");
                return Optional.empty();
            }
            JsonNode ref = current.get("$ref");
            if (ref == null) {
                return Optional.of(current);
            }
            String target = ref.asString("");
            JsonNode next = target.startsWith("#/") ? document.at(target.substring(1)) : null;
            if (next == null || next.isMissingNode()) {
                findings.error(Findings.pointer(location, "$ref"), "Unresolvable reference: " + target);
                return Optional.empty();
            }
            current = next;
        }
        findings.error(location, "Too many nested references");
        return Optional.empty();
    }

    private static String pointerOfPathItem(String operationLocation) {
        return operationLocation.substring(0, operationLocation.lastIndexOf('/'));
    }
}
