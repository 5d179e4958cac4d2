package io.stateway.gateway.api.openapi;

import io.stateway.gateway.api.ApiInfo;
import io.stateway.gateway.api.ApiKeySource;
import io.stateway.gateway.api.ApiMethod;
import io.stateway.gateway.api.ApiResource;
import io.stateway.gateway.api.Cors;
import io.stateway.gateway.api.GatewayResponseDefinition;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.api.PathTemplate;
import io.stateway.gateway.api.RequestValidator;
import io.stateway.gateway.api.RestApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads an OpenAPI 3.0 or Swagger 2.0 document with {@code x-amazon-apigateway-*} extensions, as API
 * Gateway imports and exports them, into a {@link RestApi}. Every problem is reported at once, each at its
 * JSON pointer.
 */
public final class OpenApiImporter {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final String ANY = "x-amazon-apigateway-any-method";

    private final DocumentChecks checks;

    public OpenApiImporter(DocumentChecks checks) {
        this.checks = checks;
    }

    /**
     * @param text the document, JSON or YAML
     * @param apiId the API's id, from which resource ids are derived
     * @param failOnWarnings refuse the document on warnings too (AWS's {@code failonwarnings})
     * @throws InvalidApiDocumentException with every problem found
     */
    public ImportedApi read(String text, String apiId, boolean failOnWarnings) {
        return read(DocumentParser.parse(text), apiId, failOnWarnings);
    }

    public ImportedApi read(JsonNode document, String apiId, boolean failOnWarnings) {
        Findings findings = new Findings();
        boolean swagger = document.has("swagger");
        String version = swagger
                ? document.path("swagger").asString("")
                : document.path("openapi").asString("");
        if (swagger ? !version.equals("2.0") : !version.startsWith("3.0")) {
            findings.error(
                    swagger ? "/swagger" : "/openapi",
                    "The document must be OpenAPI 3.0.x (openapi: 3.0.1) or Swagger 2.0 (swagger: \"2.0\")");
            throw new InvalidApiDocumentException(findings.all());
        }
        ApiInfo info = readInfo(document, findings);
        Map<String, RequestValidator> validators = readValidators(document, findings);
        Optional<String> defaultValidator = Nodes.text(document, "x-amazon-apigateway-request-validator", "", findings);
        defaultValidator
                .filter(name -> !validators.containsKey(name))
                .ifPresent(name -> findings.error(
                        "/x-amazon-apigateway-request-validator", "Invalid request validator name specified: " + name));
        ModelReader models = new ModelReader(findings);
        models.read(document, swagger);
        SecuritySchemes schemes = new SecuritySchemes(document, swagger, findings);
        OperationReader operations = new OperationReader(
                document,
                swagger,
                findings,
                models,
                schemes,
                validators,
                defaultValidator.filter(validators::containsKey),
                new IntegrationReader(findings, checks));
        List<ApiResource> resources = readPaths(document, apiId, operations, findings);
        models.models()
                .keySet()
                .forEach(name -> checks.modelProblem(name, models.models())
                        .ifPresent(problem ->
                                findings.error(models.locationOf(name), "Invalid model schema: " + problem)));
        RestApi api = new RestApi(
                info,
                resources,
                models.models(),
                validators,
                readGatewayResponses(document, findings),
                readBinaryMediaTypes(document, findings),
                readApiKeySource(document, findings),
                readCors(document, findings),
                schemes.all());
        if (findings.hasErrors() || (failOnWarnings && !findings.warnings().isEmpty())) {
            throw new InvalidApiDocumentException(findings.all());
        }
        return new ImportedApi(api, findings.warnings());
    }

    private static ApiInfo readInfo(JsonNode document, Findings findings) {
        Optional<JsonNode> info = Nodes.object(document, "info", "", findings);
        Optional<String> title =
                info.flatMap(i -> Nodes.text(i, "title", "/info", findings)).filter(t -> !t.isBlank());
        if (title.isEmpty()) {
            findings.error("/info/title", "The API must have a title (its name)");
        }
        return new ApiInfo(
                title.orElse(""),
                info.map(i -> i.path("description").asString("")).orElse(""),
                info.map(i -> i.path("version").asString("")).orElse(""));
    }

    private static Map<String, RequestValidator> readValidators(JsonNode document, Findings findings) {
        Map<String, RequestValidator> validators = new LinkedHashMap<>();
        Nodes.object(document, "x-amazon-apigateway-request-validators", "", findings)
                .ifPresent(node -> {
                    for (Map.Entry<String, JsonNode> entry : node.properties()) {
                        String here = Findings.pointer("/x-amazon-apigateway-request-validators", entry.getKey());
                        validators.put(
                                entry.getKey(),
                                new RequestValidator(
                                        Nodes.bool(entry.getValue(), "validateRequestBody", here, findings)
                                                .orElse(false),
                                        Nodes.bool(entry.getValue(), "validateRequestParameters", here, findings)
                                                .orElse(false)));
                    }
                });
        return validators;
    }

    private static List<ApiResource> readPaths(
            JsonNode document, String apiId, OperationReader operations, Findings findings) {
        Map<String, ApiResource> resources = new LinkedHashMap<>();
        resources.put("/", new ApiResource(ResourceIds.of(apiId, "/"), "/", Map.of()));
        Optional<JsonNode> paths = Nodes.object(document, "paths", "", findings);
        SiblingVariables siblings = new SiblingVariables();
        paths.ifPresent(node -> {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String path = entry.getKey();
                String here = Findings.pointer("/paths", path);
                PathTemplate.Result parsed = PathTemplate.parse(path);
                if (parsed.error().isPresent()) {
                    findings.error(here, parsed.error().get());
                    continue;
                }
                siblings.add(parsed.template().orElseThrow()).ifPresent(problem -> findings.error(here, problem));
                if (!entry.getValue().isObject()) {
                    findings.error(here, "A path item must be an object");
                    continue;
                }
                Map<String, ApiMethod> methods = new LinkedHashMap<>();
                String prefix = inlineModelPrefix(path);
                for (Map.Entry<String, JsonNode> operation : entry.getValue().properties()) {
                    String key = operation.getKey();
                    String at = Findings.pointer(here, key);
                    String method = key.equals(ANY) ? "ANY" : key.toUpperCase(Locale.ROOT);
                    if (!key.equals(ANY) && !METHODS.contains(key)) {
                        if (key.equals("trace")) {
                            findings.warning(at, "API Gateway has no TRACE methods; ignored");
                        }
                        continue;
                    }
                    if (!operation.getValue().isObject()) {
                        findings.error(at, "An operation must be an object");
                        continue;
                    }
                    methods.put(
                            method,
                            operations.read(
                                    method,
                                    operation.getValue(),
                                    entry.getValue(),
                                    at,
                                    prefix + capitalize(method.toLowerCase(Locale.ROOT))));
                }
                ApiResource existing = resources.get(path);
                if (existing != null && !existing.methods().isEmpty()) {
                    findings.error(here, "Duplicate resource path: " + path);
                }
                resources.put(path, new ApiResource(ResourceIds.of(apiId, path), path, methods));
            }
        });
        List<ApiResource> sorted = new ArrayList<>(resources.values());
        sorted.sort(Comparator.comparing(ApiResource::path));
        return sorted;
    }

    private Map<GatewayResponseType, GatewayResponseDefinition> readGatewayResponses(
            JsonNode document, Findings findings) {
        Map<GatewayResponseType, GatewayResponseDefinition> responses = new LinkedHashMap<>();
        String base = "/x-amazon-apigateway-gateway-responses";
        Nodes.object(document, "x-amazon-apigateway-gateway-responses", "", findings)
                .ifPresent(node -> {
                    for (Map.Entry<String, JsonNode> entry : node.properties()) {
                        String here = Findings.pointer(base, entry.getKey());
                        Optional<GatewayResponseType> type = GatewayResponseType.parse(entry.getKey());
                        if (type.isEmpty()) {
                            findings.error(here, "Invalid gateway response type: " + entry.getKey());
                            continue;
                        }
                        if (!entry.getValue().isObject()) {
                            findings.error(here, "must be an object");
                            continue;
                        }
                        Optional<Integer> status = Nodes.integer(entry.getValue(), "statusCode", here, findings);
                        status.filter(s -> s < 100 || s > 599)
                                .ifPresent(s -> findings.error(
                                        Findings.pointer(here, "statusCode"), "Invalid status code specified: " + s));
                        Map<String, String> parameters =
                                Nodes.stringMap(entry.getValue(), "responseParameters", here, findings);
                        parameters.keySet().stream()
                                .filter(key -> !MappingExpressions.GATEWAY_RESPONSE_TARGET
                                        .matcher(key)
                                        .matches())
                                .forEach(key -> findings.error(
                                        Findings.pointer(Findings.pointer(here, "responseParameters"), key),
                                        "Invalid mapping expression specified: " + key));
                        Map<String, String> templates =
                                Nodes.stringMap(entry.getValue(), "responseTemplates", here, findings);
                        templates.forEach((contentType, template) -> checks.templateProblem(template)
                                .ifPresent(problem -> findings.warning(
                                        Findings.pointer(Findings.pointer(here, "responseTemplates"), contentType),
                                        "Invalid mapping template: " + problem)));
                        responses.put(
                                type.get(),
                                new GatewayResponseDefinition(
                                        status.filter(s -> s >= 100 && s <= 599), parameters, templates));
                    }
                });
        return responses;
    }

    private static List<String> readBinaryMediaTypes(JsonNode document, Findings findings) {
        List<String> types = new ArrayList<>();
        JsonNode node = document.get("x-amazon-apigateway-binary-media-types");
        if (node == null || node.isNull()) {
            return types;
        }
        if (!node.isArray()) {
            findings.error("/x-amazon-apigateway-binary-media-types", "must be an array of media types");
            return types;
        }
        for (int i = 0; i < node.size(); i++) {
            // AWS exports '/' as '~1' in binary media types.
            String type = node.get(i).asString("").replace("~1", "/");
            if (!type.matches("[^/\\s]+/[^/\\s]+")) {
                findings.error("/x-amazon-apigateway-binary-media-types/" + i, "Invalid media type: " + type);
            } else {
                types.add(type);
            }
        }
        return types;
    }

    private static ApiKeySource readApiKeySource(JsonNode document, Findings findings) {
        return Nodes.text(document, "x-amazon-apigateway-api-key-source", "", findings)
                .map(text -> switch (text.toUpperCase(Locale.ROOT)) {
                    case "HEADER" -> ApiKeySource.HEADER;
                    case "AUTHORIZER" -> ApiKeySource.AUTHORIZER;
                    default -> {
                        findings.error("/x-amazon-apigateway-api-key-source", "must be HEADER or AUTHORIZER");
                        yield ApiKeySource.HEADER;
                    }
                })
                .orElse(ApiKeySource.HEADER);
    }

    private static Optional<Cors> readCors(JsonNode document, Findings findings) {
        return Nodes.object(document, "x-amazon-apigateway-cors", "", findings).map(node -> {
            String here = "/x-amazon-apigateway-cors";
            return new Cors(
                    strings(node, "allowOrigins", here, findings),
                    strings(node, "allowMethods", here, findings),
                    strings(node, "allowHeaders", here, findings),
                    strings(node, "exposeHeaders", here, findings),
                    Nodes.integer(node, "maxAge", here, findings).orElse(-1),
                    Nodes.bool(node, "allowCredentials", here, findings).orElse(false));
        });
    }

    private static List<String> strings(JsonNode node, String field, String location, Findings findings) {
        JsonNode list = node.get(field);
        List<String> result = new ArrayList<>();
        if (list == null || list.isNull()) {
            return result;
        }
        if (!list.isArray()) {
            findings.error(Findings.pointer(location, field), "must be an array of strings");
            return result;
        }
        list.values().forEach(value -> result.add(value.asString()));
        return result;
    }

    private static String inlineModelPrefix(String path) {
        StringBuilder prefix = new StringBuilder();
        for (String part : path.split("[^A-Za-z0-9]+")) {
            prefix.append(capitalize(part));
        }
        return prefix.isEmpty() ? "Root" : prefix.toString();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** AWS allows one variable child per resource: {@code /a/{x}} and {@code /a/{y}} cannot both exist. */
    private static final class SiblingVariables {
        private final Map<String, String> variableChild = new HashMap<>();

        Optional<String> add(PathTemplate template) {
            StringBuilder parent = new StringBuilder();
            for (PathTemplate.Segment segment : template.segments()) {
                String key = parent.toString();
                if (segment instanceof PathTemplate.Parameter parameter) {
                    String written = "{" + parameter.name() + (parameter.greedy() ? "+" : "") + "}";
                    String existing = variableChild.putIfAbsent(key, written);
                    if (existing != null && !existing.equals(written)) {
                        return Optional.of("A sibling (" + existing + ") of this resource already has a variable path"
                                + " part -- only one is allowed");
                    }
                    parent.append("/").append(written);
                } else {
                    parent.append("/").append(((PathTemplate.Literal) segment).text());
                }
            }
            return Optional.empty();
        }
    }
}
