package io.stateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.gateway.conformance.AdminClient;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WithSharedGateway
class AdminServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void call_withoutOrWithWrongToken_isUnauthorized(SharedGateway gateway) throws Exception {
        String url = adminUrl(gateway) + "/admin/v1/apis";
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> none =
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer nope")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
    }

    @Test
    void import_invalidDocument_isRefusedWithEveryProblemAndItsLocation(SharedGateway gateway) {
        HttpResponse<String> response =
                gateway.admin().send("POST", "/admin/v1/apis", SharedGateway.fixture("broken.yaml", Map.of()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("message").asString()).startsWith("Errors found during import:");
        assertThat(body.get("errors").size()).isGreaterThanOrEqualTo(10);
        assertThat(body.get("errors").get(0).get("location").asString()).isEqualTo("/info/title");
    }

    @Test
    void importDeployExportDelete_roundTrip(SharedGateway gateway) {
        AdminClient admin = gateway.admin();
        String id = admin.importApi(SharedGateway.fixture("petstore.yaml", Map.of()), "REGIONAL", "admin-pets");

        HttpResponse<String> created = gateway.post("/admin-pets/pets", "application/json", "{\"name\": \"Rex\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/pets/1");
        assertThat(created.body()).isEqualTo("{\"id\": 1, \"stage\": \"admin-pets\"}");

        HttpResponse<String> exported =
                admin.send("GET", "/admin/v1/apis/" + id + "/export?stage=admin-pets&type=swagger", null);
        assertThat(exported.statusCode()).isEqualTo(200);
        JsonNode swagger = JSON.readTree(exported.body());
        assertThat(swagger.get("swagger").asString()).isEqualTo("2.0");
        assertThat(swagger.at("/paths/~1pets/post/x-amazon-apigateway-integration/type")
                        .asString())
                .isEqualTo("mock");
        assertThat(swagger.at("/definitions/Pet/required/0").asString()).isEqualTo("name");

        assertThat(admin.send("GET", "/admin/v1/apis", null).body()).contains(id);
        assertThat(admin.send("DELETE", "/admin/v1/apis/" + id, null).statusCode())
                .isEqualTo(202);
        assertThat(gateway.post("/admin-pets/pets", "application/json", "{\"name\": \"Rex\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.send("GET", "/admin/v1/apis/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void update_changesDraftOnly_untilDeployed(SharedGateway gateway) {
        AdminClient admin = gateway.admin();
        String id = admin.importApi(SharedGateway.fixture("petstore.yaml", Map.of()), "REGIONAL", "admin-drafts");
        String changed = SharedGateway.fixture("petstore.yaml", Map.of()).replace("\"id\": 1", "\"id\": 2");

        assertThat(admin.send("PUT", "/admin/v1/apis/" + id, changed).statusCode())
                .isEqualTo(200);
        assertThat(gateway.post("/admin-drafts/pets", "application/json", "{\"name\": \"a\"}")
                        .body())
                .contains("\"id\": 1");

        admin.deploy(id, "admin-drafts", Map.of());
        assertThat(gateway.post("/admin-drafts/pets", "application/json", "{\"name\": \"a\"}")
                        .body())
                .contains("\"id\": 2");
        assertThat(JSON.readTree(admin.send("GET", "/admin/v1/apis/" + id + "/deployments", null)
                                .body())
                        .get("items")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void stage_settings_areStoredAndServed(SharedGateway gateway) {
        AdminClient admin = gateway.admin();
        String id = admin.importApi(SharedGateway.fixture("petstore.yaml", Map.of()), "REGIONAL", "admin-stage");

        JsonNode stage = admin.putStage(
                id,
                "admin-stage",
                Map.of(
                        "variables", Map.of("color", "blue"),
                        "throttling", Map.of("rateLimit", 10.0, "burstLimit", 20),
                        "cache", Map.of("enabled", true, "ttlSeconds", 60)));

        assertThat(stage.at("/settings/variables/color").asString()).isEqualTo("blue");
        assertThat(stage.at("/settings/cache/ttlSeconds").asInt()).isEqualTo(60);
        assertThat(stage.at("/settings/throttling/burstLimit").asInt()).isEqualTo(20);
        assertThat(admin.send(
                                "PUT",
                                "/admin/v1/apis/" + id + "/stages/admin-stage",
                                "{\"cache\": {\"enabled\": true, \"ttlSeconds\": 4000}}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void deploy_methodWithoutIntegration_isRefused(SharedGateway gateway) {
        String document = """
                {"openapi": "3.0.1", "info": {"title": "no integration", "version": "1"},
                 "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}""";
        HttpResponse<String> response = gateway.admin().send("POST", "/admin/v1/apis?stage=never", document);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("No integration defined for method: GET /a");
    }

    @Test
    void apiKeysAndUsagePlans_areTheAuthorizerServicesNotTheGateways(SharedGateway gateway) {
        assertThat(gateway.admin().send("GET", "/admin/v1/apikeys", null).statusCode())
                .isEqualTo(404);
        assertThat(gateway.admin()
                        .send("POST", "/admin/v1/usageplans", "{\"name\": \"p\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(gateway.admin()
                        .sendToAuthorizer("GET", "/admin/v1/apikeys", null)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void dataPlane_doesNotServeTheAdminApi(SharedGateway gateway) {
        assertThat(gateway.get("/admin/v1/apis").statusCode()).isEqualTo(403);
    }

    private static String adminUrl(SharedGateway gateway) {
        return "http://127.0.0.1:" + gateway.bean(AdminServer.class).port();
    }
}
