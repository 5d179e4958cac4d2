package io.stateway.gateway.admin;

import io.stateway.gateway.api.RestApi;
import io.stateway.gateway.api.openapi.DocumentFormat;
import io.stateway.gateway.api.openapi.DocumentParser;
import io.stateway.gateway.api.openapi.ExportType;
import io.stateway.gateway.api.openapi.OpenApiExporter;
import io.stateway.gateway.catalog.ApiCatalog;
import io.stateway.gateway.catalog.ApiDescription;
import io.stateway.gateway.catalog.ApiDocuments;
import io.stateway.gateway.catalog.CatalogException;
import io.stateway.gateway.catalog.StageSettings;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code /admin/v1/apis}: import, update, list, describe, export, delete, deploy. */
final class ApiHandlers {

    private final ApiCatalog catalog;
    private final ApiDocuments documents;
    private final AdminCalls calls;
    private final AdminResponses responses;

    ApiHandlers(ApiCatalog catalog, ApiDocuments documents, AdminCalls calls, AdminResponses responses) {
        this.catalog = catalog;
        this.documents = documents;
        this.calls = calls;
        this.responses = responses;
    }

    /**
     * {@code POST /admin/v1/apis?failOnWarnings=&endpointType=&stage=}: imports a document; with {@code stage},
     * deploys it to that stage at once.
     */
    Mono<ServerResponse> create(ServerRequest request) {
        boolean failOnWarnings = flag(request, "failOnWarnings");
        Optional<String> stage = request.queryParam("stage").filter(s -> !s.isBlank());
        String endpointType = request.queryParam("endpointType").orElse("REGIONAL");
        return calls.text(request)
                .flatMap(document -> calls.change(() -> {
                    ApiDescription created = catalog.create(document, failOnWarnings, endpointType, null);
                    stage.ifPresent(name -> catalog.deploy(created.id(), name, "", StageSettings.DEFAULT));
                    return created;
                }))
                .flatMap(responses::created);
    }

    /** {@code PUT /admin/v1/apis/{id}?failOnWarnings=}: replaces the document (mode=overwrite). */
    Mono<ServerResponse> update(ServerRequest request) {
        String id = request.pathVariable("apiId");
        boolean failOnWarnings = flag(request, "failOnWarnings");
        return calls.text(request)
                .flatMap(document -> calls.change(() -> catalog.update(id, document, failOnWarnings)))
                .flatMap(responses::ok);
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return calls.read(catalog::list).flatMap(items -> responses.ok(Map.of("items", items)));
    }

    Mono<ServerResponse> describe(ServerRequest request) {
        return calls.read(() -> catalog.describe(request.pathVariable("apiId"))).flatMap(responses::ok);
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return calls.change(() -> {
                    catalog.delete(request.pathVariable("apiId"));
                    return true;
                })
                .then(ServerResponse.accepted().build());
    }

    /**
     * {@code GET /admin/v1/apis/{id}/export?stage=&type=oas30|swagger&format=json|yaml&serverUrl=}: the draft,
     * or what the stage serves, as API Gateway exports it with integrations.
     */
    Mono<ServerResponse> export(ServerRequest request) {
        String id = request.pathVariable("apiId");
        Optional<String> stage = request.queryParam("stage").filter(s -> !s.isBlank());
        ExportType type = ExportType.parse(request.queryParam("type").orElse("oas30"))
                .orElseThrow(() -> new CatalogException(
                        CatalogException.Code.BadRequestException, "type must be oas30 or swagger"));
        boolean yaml =
                request.queryParam("format").map("yaml"::equalsIgnoreCase).orElse(false)
                        || request.headers().accept().stream()
                                .anyMatch(m -> m.getSubtype().contains("yaml"));
        String serverUrl =
                request.queryParam("serverUrl").filter(s -> !s.isBlank()).orElse(null);
        return calls.read(() -> {
                    RestApi api = documents
                            .read(catalog.document(id, stage), id, false)
                            .api();
                    return DocumentParser.write(
                            OpenApiExporter.export(api, type, serverUrl),
                            yaml ? DocumentFormat.YAML : DocumentFormat.JSON);
                })
                .flatMap(text -> ServerResponse.ok()
                        .contentType(yaml ? MediaType.parseMediaType("application/yaml") : MediaType.APPLICATION_JSON)
                        .bodyValue(text));
    }

    /** {@code POST /admin/v1/apis/{id}/deployments}: {@code {stageName, description, variables}}. */
    Mono<ServerResponse> deploy(ServerRequest request) {
        String id = request.pathVariable("apiId");
        return calls.body(request, AdminInputs.Deployment.class)
                .flatMap(input -> calls.change(() -> catalog.deploy(
                        id,
                        input.stageName(),
                        input.description(),
                        StageSettings.DEFAULT.withVariables(input.variables()))))
                .flatMap(responses::created);
    }

    Mono<ServerResponse> deployments(ServerRequest request) {
        return calls.read(() -> catalog.deployments(request.pathVariable("apiId")))
                .flatMap(items -> responses.ok(Map.of("items", items)));
    }

    private static boolean flag(ServerRequest request, String name) {
        return request.queryParam(name).map(Boolean::parseBoolean).orElse(false);
    }
}
