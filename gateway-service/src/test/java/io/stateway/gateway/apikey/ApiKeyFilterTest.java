package io.stateway.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.gateway.conformance.AdminClient;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys owned by authorizer-service, enforced by the gateway from its in-memory snapshot: a key works on
 * the stages its usage plan covers, and stops working as soon as it is disabled, rotated or removed.
 */
@WithSharedGateway
class ApiKeyFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STAGE = "keys-from-authorizer";
    private static final String OTHER_STAGE = "keys-not-planned";

    private static SharedGateway gateway;
    private static AdminClient admin;
    private static String apiId;

    @BeforeAll
    static void deploy(SharedGateway shared) {
        gateway = shared;
        admin = shared.admin();
        apiId = admin.importApi(SharedGateway.fixture("throttling.yaml", Map.of()), "REGIONAL", STAGE);
        admin.deploy(apiId, OTHER_STAGE, Map.of());
    }

    @Test
    void keyInAPlanForTheStage_isAccepted_andNamedInTheContext() {
        Key key = newKey();

        HttpResponse<String> response = get(STAGE, key.value());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("key").asString()).isEqualTo(key.id());
    }

    @Test
    void missingUnknownOrUnplannedKeys_are403Forbidden() {
        Key key = newKey();

        assertThat(gateway.get("/" + STAGE + "/keyed").statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = get(STAGE, "swk_" + "x".repeat(40));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(get(OTHER_STAGE, key.value()).statusCode()).isEqualTo(403);
    }

    @Test
    void disabledKey_isRefused_andWorksAgainWhenEnabled() {
        Key key = newKey();

        change("PATCH", "/admin/v1/apikeys/" + key.id(), "{\"enabled\": false}");
        assertThat(get(STAGE, key.value()).statusCode()).isEqualTo(403);

        change("PATCH", "/admin/v1/apikeys/" + key.id(), "{\"enabled\": true}");
        assertThat(get(STAGE, key.value()).statusCode()).isEqualTo(200);
    }

    @Test
    void rotatedKey_oldValueRefused_newValueAccepted() {
        Key key = newKey();

        JsonNode rotated = change("POST", "/admin/v1/apikeys/" + key.id() + "/rotate", null);

        assertThat(get(STAGE, key.value()).statusCode()).isEqualTo(403);
        assertThat(get(STAGE, rotated.path("value").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void keyRemovedFromItsPlan_isRefused() {
        Key key = newKey();

        change("DELETE", "/admin/v1/usageplans/" + key.planId() + "/keys/" + key.id(), null);

        assertThat(get(STAGE, key.value()).statusCode()).isEqualTo(403);
    }

    private record Key(String id, String value, String planId) {}

    /** A generated key (its value shown once) in a plan that covers {@link #STAGE} only. */
    private static Key newKey() {
        HttpResponse<String> created =
                admin.sendToAuthorizer("POST", "/admin/v1/apikeys", "{\"name\": \"from-authorizer\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        String planId = admin.createPlan(
                Map.of("name", "stage only", "apiStages", List.of(Map.of("apiId", apiId, "stage", STAGE))));
        admin.addKeyToPlan(planId, key.path("id").asString());
        return new Key(key.path("id").asString(), key.path("value").asString(), planId);
    }

    private static JsonNode change(String method, String path, String body) {
        HttpResponse<String> response = admin.sendToAuthorizer(method, path, body);
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        admin.awaitKeysServed();
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String stage, String key) {
        return gateway.send(
                gateway.request("/" + stage + "/keyed").header("x-api-key", key).GET());
    }
}
