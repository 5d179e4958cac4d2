package io.stateway.gateway.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A REST API as API Gateway models it, read from an OpenAPI 3.0 or Swagger 2.0 document with
 * {@code x-amazon-apigateway-*} extensions. Plain data: compiling it for the request path is the
 * routing package's job.
 *
 * @param info title, description, version
 * @param resources every resource that has methods, plus the root, sorted by path
 * @param models JSON Schema (draft-04) models by name; a {@code $ref} between them reads
 *     {@code #/definitions/<name>}, resolved in a document that holds every model under {@code definitions}
 * @param validators request validators by name
 * @param gatewayResponses customised gateway responses
 * @param binaryMediaTypes media types treated as binary
 * @param apiKeySource where API keys come from
 * @param cors CORS settings, if any
 * @param securitySchemes the document's security schemes, kept for export
 */
public record RestApi(
        ApiInfo info,
        List<ApiResource> resources,
        Map<String, JsonNode> models,
        Map<String, RequestValidator> validators,
        Map<GatewayResponseType, GatewayResponseDefinition> gatewayResponses,
        List<String> binaryMediaTypes,
        ApiKeySource apiKeySource,
        Optional<Cors> cors,
        Map<String, JsonNode> securitySchemes) {

    public RestApi {
        resources = List.copyOf(resources);
        models = Maps.ordered(models);
        validators = Maps.ordered(validators);
        gatewayResponses = Maps.ordered(gatewayResponses);
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        securitySchemes = Maps.ordered(securitySchemes);
    }
}
