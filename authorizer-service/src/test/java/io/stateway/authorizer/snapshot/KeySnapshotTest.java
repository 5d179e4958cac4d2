package io.stateway.authorizer.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.authorizer.testing.AdminHttp;
import io.stateway.model.apikey.ApiKeyHmac;
import io.stateway.model.apikey.KeySnapshot;
import io.stateway.testsupport.SpringTestServers;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The gateway's view of keys and plans: HMACs only, and a long poll that answers when something changes. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "stateway.authorizer.internal.snapshot-wait=500ms")
@SpringTestServers
class KeySnapshotTest {

    private static final String INTERNAL_TOKEN = "test-internal-token-of-at-least-32-characters";

    @LocalServerPort
    int port;

    @Test
    void snapshot_listsKeysByHmacWithTheirPlans_neverTheirValues() {
        AdminHttp admin = new AdminHttp(port, "test-admin-token-of-the-authorizer");
        var key = admin.ok("POST", "/admin/v1/apikeys", "{\"name\": \"snap\"}");
        String plan = admin.ok("POST", "/admin/v1/usageplans", """
                        {"name": "p", "throttle": {"rateLimit": 5, "burstLimit": 10},
                         "quota": {"limit": 1000, "period": "MONTH", "offset": 10},
                         "apiStages": [{"apiId": "api1", "stage": "prod"}]}""").path("id").asString();
        admin.ok(
                "POST",
                "/admin/v1/usageplans/" + plan + "/keys",
                "{\"keyId\": \"" + key.path("id").asString() + "\"}");

        HttpResponse<String> response =
                new AdminHttp(port, INTERNAL_TOKEN).send("GET", "/internal/v1/key-snapshot", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(key.path("value").asString());
        KeySnapshot snapshot = AdminHttp.JSON.readValue(response.body(), KeySnapshot.class);
        KeySnapshot.Key entry = snapshot.keys().stream()
                .filter(k -> k.id().equals(key.path("id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(Base64.getDecoder().decode(entry.hmac()))
                .isEqualTo(ApiKeyHmac.withPepper("test-pepper-of-at-least-32-characters-long")
                        .hash(key.path("value").asString()));
        assertThat(entry.enabled()).isTrue();
        assertThat(entry.planIds()).containsExactly(plan);
        KeySnapshot.Plan described = snapshot.plans().stream()
                .filter(p -> p.id().equals(plan))
                .findFirst()
                .orElseThrow();
        assertThat(described.throttle()).isEqualTo(new KeySnapshot.Throttle(5.0, 10));
        assertThat(described.quota().offset()).isEqualTo(10);
        assertThat(described.stage("api1", "prod")).isPresent();
    }

    @Test
    void snapshot_needsTheInternalToken_notTheAdminOne() {
        assertThat(new AdminHttp(port, "test-admin-token-of-the-authorizer")
                        .send("GET", "/internal/v1/key-snapshot", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(new AdminHttp(port, null)
                        .send("GET", "/internal/v1/key-snapshot", null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void longPoll_withoutAChange_answers304_andWithOne_answersTheNewSnapshot() throws Exception {
        AdminHttp internal = new AdminHttp(port, INTERNAL_TOKEN);
        long revision = AdminHttp.JSON
                .readTree(
                        internal.send("GET", "/internal/v1/key-snapshot", null).body())
                .path("revision")
                .asLong();

        assertThat(internal.send("GET", "/internal/v1/key-snapshot?after=" + revision, null)
                        .statusCode())
                .isEqualTo(304);

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(
                () -> internal.send("GET", "/internal/v1/key-snapshot?after=" + revision, null));
        new AdminHttp(port, "test-admin-token-of-the-authorizer")
                .ok("POST", "/admin/v1/apikeys", "{\"name\": \"change\"}");
        HttpResponse<String> changed = waiting.get();

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(AdminHttp.JSON.readTree(changed.body()).path("revision").asLong())
                .isGreaterThan(revision);
    }
}
