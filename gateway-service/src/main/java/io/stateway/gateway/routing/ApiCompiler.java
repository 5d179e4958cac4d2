package io.stateway.gateway.routing;

import com.networknt.schema.Schema;
import io.stateway.gateway.api.ApiMethod;
import io.stateway.gateway.api.ApiResource;
import io.stateway.gateway.api.GatewayResponseDefinition;
import io.stateway.gateway.api.GatewayResponseType;
import io.stateway.gateway.api.Integration;
import io.stateway.gateway.api.IntegrationResponse;
import io.stateway.gateway.api.PathTemplate;
import io.stateway.gateway.api.RequestValidator;
import io.stateway.gateway.api.RestApi;
import io.stateway.gateway.catalog.ApiDocuments;
import io.stateway.gateway.validation.ModelSchemas;
import io.stateway.gateway.vtl.VtlEngine;
import io.stateway.gateway.vtl.VtlTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Compiles a deployment's document for the request path: routes, templates, schemas, patterns. */
@Component
public class ApiCompiler {

    private final ApiDocuments documents;
    private final VtlEngine templates;

    public ApiCompiler(ApiDocuments documents, VtlEngine templates) {
        this.documents = documents;
        this.templates = templates;
    }

    public CompiledApi compile(String apiId, String deploymentId, String endpointType, String document) {
        RestApi api = documents.read(document, apiId, false).api();
        ModelSchemas schemas = ModelSchemas.compile(apiId + ":" + deploymentId, api.models());
        ResourceTree tree = new ResourceTree();
        for (ApiResource resource : api.resources()) {
            Map<String, CompiledMethod> methods = new LinkedHashMap<>();
            resource.methods()
                    .forEach((httpMethod, method) -> methods.put(httpMethod, compile(api, resource, method, schemas)));
            tree.add(PathTemplate.parse(resource.path()).template().orElseThrow(), methods);
        }
        Map<GatewayResponseType, CompiledGatewayResponse> responses = new HashMap<>();
        api.gatewayResponses().forEach((type, definition) -> responses.put(type, compile(definition)));
        return new CompiledApi(apiId, deploymentId, endpointType, api, tree, responses);
    }

    private CompiledMethod compile(RestApi api, ApiResource resource, ApiMethod method, ModelSchemas schemas) {
        Optional<RequestValidator> validator = method.requestValidator().map(api.validators()::get);
        List<String> required = new ArrayList<>();
        method.requestParameters().forEach((parameter, isRequired) -> {
            if (isRequired) {
                required.add(parameter);
            }
        });
        required.sort(null); // AWS lists missing parameters sorted: headers, then path, then query string.
        Map<String, Schema> bodySchemas = new HashMap<>();
        method.requestModels()
                .forEach((contentType, model) ->
                        schemas.schema(model).ifPresent(schema -> bodySchemas.put(contentType, schema)));
        return new CompiledMethod(
                resource,
                method,
                validator,
                required,
                bodySchemas,
                method.integration().map(this::compile));
    }

    private CompiledIntegration compile(Integration integration) {
        List<CompiledIntegrationResponse> responses = new ArrayList<>();
        for (IntegrationResponse response : integration.responses()) {
            responses.add(new CompiledIntegrationResponse(
                    response,
                    response.selectionPattern().map(Pattern::compile),
                    compile(response.responseTemplates())));
        }
        return new CompiledIntegration(integration, compile(integration.requestTemplates()), responses);
    }

    private CompiledGatewayResponse compile(GatewayResponseDefinition definition) {
        return new CompiledGatewayResponse(definition, compile(definition.responseTemplates()));
    }

    private Map<String, VtlTemplate> compile(Map<String, String> byContentType) {
        Map<String, VtlTemplate> compiled = new LinkedHashMap<>();
        byContentType.forEach((contentType, text) -> compiled.put(contentType, templates.compileOrBroken(text)));
        return compiled;
    }
}
