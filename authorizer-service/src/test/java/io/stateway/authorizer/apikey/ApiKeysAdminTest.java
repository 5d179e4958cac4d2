package io.stateway.authorizer.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.authorizer.testing.AdminHttp;
import io.stateway.model.apikey.ApiKeyHmac;
import io.stateway.testsupport.SpringTestServers;
import io.stateway.testsupport.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The API key admin API on a real PostgreSQL: keys are shown once and stored only as an HMAC. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers(redis = true, redisKeyPrefixProperty = "stateway.authorizer.redis.key-prefix")
class ApiKeysAdminTest {

    static final String ADMIN_TOKEN = "test-admin-token-of-the-authorizer";
    static final String PEPPER = "test-pepper-of-at-least-32-characters-long";

    @LocalServerPort
    int port;

    AdminHttp admin;

    @BeforeEach
    void client() {
        admin = new AdminHttp(port, ADMIN_TOKEN);
    }

    @Test
    void createKey_generated_isShownOnceWithItsPrefixAndAtLeast128BitsOfRandomness() {
        JsonNode created = admin.ok("POST", "/admin/v1/apikeys", "{\"name\": \"partner\"}");

        String value = created.path("value").asString();
        // swk_ and 40 characters of 62 (5.95 bits each): 238 bits.
        assertThat(value).matches("swk_[A-Za-z0-9]{40}");
        assertThat(created.path("keyPrefix").asString()).isEqualTo(value.substring(0, 8));
        assertThat(created.path("enabled").asBoolean()).isTrue();
        JsonNode read =
                admin.ok("GET", "/admin/v1/apikeys/" + created.path("id").asString(), null);
        assertThat(read.has("value")).isFalse();
        assertThat(read.path("name").asString()).isEqualTo("partner");
        assertThat(admin.ok("GET", "/admin/v1/apikeys", null).toString()).doesNotContain(value);
    }

    @Test
    void createKey_storesOnlyTheHmacUnderThePepper(TestDatabase database) throws Exception {
        JsonNode created = admin.ok("POST", "/admin/v1/apikeys", "{\"name\": \"stored\"}");
        String value = created.path("value").asString();

        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("SELECT key_hash, api_key::text AS everything FROM authorizer.api_key"
                                + " WHERE id = '" + created.path("id").asString() + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBytes("key_hash"))
                    .isEqualTo(ApiKeyHmac.withPepper(PEPPER).hash(value));
            assertThat(row.getString("everything")).doesNotContain(value.substring(8));
        }
    }

    @Test
    void createKey_importedValue_isKeptAndTooShortOnesAreRefusedAsAwsDoes() {
        JsonNode imported = admin.ok(
                "POST", "/admin/v1/apikeys", "{\"name\": \"own\", \"value\": \"my-own-key-of-20-chars-or-more\"}");
        assertThat(imported.path("value").asString()).isEqualTo("my-own-key-of-20-chars-or-more");

        HttpResponse<String> tooShort = admin.send("POST", "/admin/v1/apikeys", "{\"value\": \"short\"}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(AdminHttp.JSON.readTree(tooShort.body()).path("message").asString())
                .contains("20 to 128");

        HttpResponse<String> again =
                admin.send("POST", "/admin/v1/apikeys", "{\"value\": \"my-own-key-of-20-chars-or-more\"}");
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void rotate_givesANewValueAndKeepsTheId() {
        JsonNode created = admin.ok("POST", "/admin/v1/apikeys", "{\"name\": \"rotating\"}");
        String id = created.path("id").asString();

        JsonNode rotated = admin.ok("POST", "/admin/v1/apikeys/" + id + "/rotate", null);

        assertThat(rotated.path("id").asString()).isEqualTo(id);
        assertThat(rotated.path("value").asString())
                .startsWith("swk_")
                .isNotEqualTo(created.path("value").asString());
    }

    @Test
    void update_disablesAndRenames_andUnknownKeysAre404() {
        String id = admin.ok("POST", "/admin/v1/apikeys", "{\"name\": \"before\"}")
                .path("id")
                .asString();

        JsonNode updated = admin.ok("PATCH", "/admin/v1/apikeys/" + id, "{\"name\": \"after\", \"enabled\": false}");

        assertThat(updated.path("name").asString()).isEqualTo("after");
        assertThat(updated.path("enabled").asBoolean()).isFalse();
        HttpResponse<String> missing = admin.send("GET", "/admin/v1/apikeys/nosuchkey", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).hasValue("NotFoundException");
        assertThat(admin.send("DELETE", "/admin/v1/apikeys/" + id, null).statusCode())
                .isEqualTo(202);
        assertThat(admin.send("GET", "/admin/v1/apikeys/" + id, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void adminApi_withoutOrWithAWrongToken_is401() {
        assertThat(new AdminHttp(port, null)
                        .send("GET", "/admin/v1/apikeys", null)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> wrong = new AdminHttp(port, ADMIN_TOKEN + "x").send("GET", "/admin/v1/apikeys", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
        // The internal token is not an admin token.
        assertThat(new AdminHttp(port, "test-internal-token-of-at-least-32-characters")
                        .send("GET", "/admin/v1/apikeys", null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void malformedBody_is400WithAMessage_neverA500() {
        HttpResponse<String> response = admin.send("POST", "/admin/v1/apikeys", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(AdminHttp.JSON.readTree(response.body()).path("message").asString())
                .isNotBlank();
    }
}
