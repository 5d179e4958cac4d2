package io.stateway.gateway.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.gateway.api.ApiMethod;
import io.stateway.gateway.api.Authorization;
import io.stateway.gateway.api.IntegrationType;
import io.stateway.gateway.api.RestApi;
import io.stateway.gateway.catalog.ApiDocuments;
import io.stateway.gateway.vtl.RenderLimits;
import io.stateway.gateway.vtl.VtlEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiImporterTest {

    private final ApiDocuments documents = new ApiDocuments(new VtlEngine(RenderLimits.DEFAULT));

    @Test
    void read_brokenDocument_reportsEveryProblemAtItsLocation() {
        assertThatThrownBy(() -> documents.read(fixture("broken.yaml"), "abc", false))
                .isInstanceOfSatisfying(
                        InvalidApiDocumentException.class,
                        e -> assertThat(e.findings())
                                .extracting(ApiFinding::toString)
                                .contains(
                                        "/info/title: The API must have a title (its name)",
                                        "/paths/~1pets~1{id}~1{id}: The path variable {id} is declared twice",
                                        "/paths/~1items/post/x-amazon-apigateway-request-validator: Invalid request validator name specified: missing-validator",
                                        "/paths/~1items/post/x-amazon-apigateway-integration/httpMethod: Enumeration value for HttpMethod must be non-empty",
                                        "/paths/~1items/post/x-amazon-apigateway-integration/uri: Invalid HTTP endpoint specified for URI",
                                        "/paths/~1items/post/x-amazon-apigateway-integration/timeoutInMillis: Timeout should be between 50 ms and 29000 ms",
                                        "/paths/~1items/post/x-amazon-apigateway-integration/requestParameters/integration.request.header.X:"
                                                + " Invalid mapping expression parameter specified: method.request.header.Undeclared",
                                        "/paths/~1things/get/x-amazon-apigateway-integration/type: Enumeration value for IntegrationType"
                                                + " must be one of: aws, aws_proxy, http, http_proxy, mock",
                                        "/x-amazon-apigateway-gateway-responses/NOT_A_TYPE: Invalid gateway response type: NOT_A_TYPE")
                                .anySatisfy(finding -> assertThat(finding)
                                        .startsWith(
                                                "/paths/~1items/post/x-amazon-apigateway-integration/requestTemplates/application~1json:"
                                                        + " Invalid mapping template: Syntax error"))
                                .anySatisfy(
                                        finding -> assertThat(finding)
                                                .startsWith(
                                                        "/paths/~1items/post/x-amazon-apigateway-integration/responses/(unclosed: Invalid selection pattern")));
    }

    @Test
    void read_notJson_namesLineAndColumn() {
        assertThatThrownBy(() -> documents.read("{\"openapi\": \"3.0.1\",\n \"info\": }", "abc", false))
                .isInstanceOf(InvalidApiDocumentException.class)
                .hasMessageContaining("at line 2, column");
    }

    @Test
    void read_petstore_modelsMethodsAndIntegrations() {
        ImportedApi imported = documents.read(fixture("petstore.yaml"), "abc", true);

        RestApi api = imported.api();
        assertThat(imported.warnings()).isEmpty();
        assertThat(api.info().title()).isEqualTo("petstore");
        assertThat(api.models()
                        .get("Pet")
                        .get("properties")
                        .get("tag")
                        .get("$ref")
                        .asString())
                .isEqualTo("#/definitions/Tag");
        ApiMethod post = api.resources().stream()
                .filter(r -> r.path().equals("/pets"))
                .findFirst()
                .orElseThrow()
                .methods()
                .get("POST");
        assertThat(post.requestModels()).containsEntry("application/json", "Pet");
        assertThat(post.requestValidator()).hasValue("all");
        assertThat(post.integration().orElseThrow().type()).isEqualTo(IntegrationType.MOCK);
        assertThat(api.resources()).extracting(r -> r.path()).containsExactly("/", "/pets");
        assertThat(api.resources().getFirst().id()).hasSize(10).isEqualTo(ResourceIds.of("abc", "/"));
    }

    @Test
    void read_swagger2_bodyParameterBecomesRequestModel() {
        String swagger = """
                {"swagger": "2.0", "info": {"title": "s", "version": "1"},
                 "consumes": ["application/json"],
                 "paths": {"/a/{b}": {"put": {
                   "parameters": [{"name": "b", "in": "path", "required": true, "type": "string"},
                                  {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/M"}}],
                   "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/M"}}},
                   "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\\"statusCode\\": 200}"}}}}},
                 "definitions": {"M": {"type": "object"}}}""";

        ApiMethod put = documents
                .read(swagger, "abc", false)
                .api()
                .resources()
                .get(1)
                .methods()
                .get("PUT");

        assertThat(put.requestParameters()).containsEntry("method.request.path.b", true);
        assertThat(put.requestModels()).containsEntry("application/json", "M");
        assertThat(put.responses().get("200").responseModels()).containsEntry("application/json", "M");
    }

    @Test
    void exportThenRead_sameApi() {
        RestApi api = documents.read(fixture("petstore.yaml"), "abc", false).api();

        for (ExportType type : ExportType.values()) {
            String exported = DocumentParser.write(
                    OpenApiExporter.export(api, type, "https://abc.execute-api.local/dev"), DocumentFormat.YAML);
            RestApi again = documents.read(exported, "abc", true).api();
            assertThat(again.resources()).isEqualTo(api.resources());
            assertThat(again.models()).isEqualTo(api.models());
            assertThat(again.validators()).isEqualTo(api.validators());
        }
    }

    @Test
    void read_authorizers_methodsCarryTheirKindAndScopes() {
        String document = """
                {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
                 "components": {"securitySchemes": {
                   "auth": {"type": "apiKey", "name": "Authorization", "in": "header",
                     "x-amazon-apigateway-authorizer": {"type": "token", "authorizerUri": "arn:x"}},
                   "jwt": {"type": "apiKey", "name": "Authorization", "in": "header",
                     "x-amazon-apigateway-authorizer": {"type": "jwt",
                       "jwtConfiguration": {"issuer": "https://issuer.example", "audience": ["a"]}}}}},
                 "paths": {
                   "/a": {"get": {"security": [{"auth": []}], "x-amazon-apigateway-integration": {"type": "mock"}}},
                   "/b": {"get": {"security": [{"jwt": ["pets/read"]}],
                     "x-amazon-apigateway-integration": {"type": "mock"}}}}}""";

        ImportedApi imported = documents.read(document, "abc", true);

        assertThat(imported.warnings()).isEmpty();
        Map<String, ApiMethod> methods = new java.util.HashMap<>();
        imported.api().resources().forEach(r -> r.methods().values().forEach(m -> methods.put(r.path(), m)));
        assertThat(methods.get("/a").authorization()).isEqualTo(Authorization.CUSTOM);
        assertThat(methods.get("/a").authorizerName()).hasValue("auth");
        assertThat(methods.get("/b").authorization()).isEqualTo(Authorization.JWT);
        assertThat(methods.get("/b").authorizationScopes()).containsExactly("pets/read");
    }

    @Test
    void read_invalidAuthorizer_isAcceptedWithAWarningNamingTheProblem() {
        String document = """
                {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
                 "components": {"securitySchemes": {"auth": {"type": "apiKey", "name": "Authorization", "in": "header",
                   "x-amazon-apigateway-authorizer": {"type": "jwt",
                     "jwtConfiguration": {"issuer": "https://issuer.example", "algorithms": ["HS256"]}}}}},
                 "paths": {"/a": {"get": {"security": [{"auth": []}],
                   "x-amazon-apigateway-integration": {"type": "mock"}}}}}""";

        List<ApiFinding> warnings = documents.read(document, "abc", false).warnings();

        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w.message())
                        .contains("needs at least one audience")
                        .contains("AUTHORIZER_CONFIGURATION_ERROR"));
        assertThatThrownBy(() -> documents.read(document, "abc", true)).isInstanceOf(InvalidApiDocumentException.class);
    }

    private static String fixture(String name) {
        try (InputStream in = OpenApiImporterTest.class.getResourceAsStream("/apis/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
