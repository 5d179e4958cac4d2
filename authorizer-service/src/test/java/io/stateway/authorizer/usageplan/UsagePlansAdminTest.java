package io.stateway.authorizer.usageplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.authorizer.testing.AdminHttp;
import io.stateway.model.usage.UsageKeys;
import io.stateway.testsupport.SpringTestServers;
import io.stateway.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/** Usage plans, their keys and the usage report, on real PostgreSQL and Redis. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers(redis = true, redisKeyPrefixProperty = "stateway.authorizer.redis.key-prefix")
class UsagePlansAdminTest {

    private static final String PLAN = """
            {"name": "gold", "description": "partners",
             "throttle": {"rateLimit": 5, "burstLimit": 10},
             "quota": {"limit": 1000, "period": "DAY", "offset": 0},
             "apiStages": [{"apiId": "a1", "stage": "prod", "throttle": {"/pets/GET": {"rateLimit": 1, "burstLimit": 2}}}]}""";

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    AdminHttp admin;

    @BeforeEach
    void client() {
        admin = new AdminHttp(port, "test-admin-token-of-the-authorizer");
    }

    @Test
    void createPlan_keepsThrottleQuotaAndPerMethodThrottlesInAwsShape() {
        JsonNode plan = admin.ok("POST", "/admin/v1/usageplans", PLAN);

        JsonNode read =
                admin.ok("GET", "/admin/v1/usageplans/" + plan.path("id").asString(), null);
        assertThat(read.path("name").asString()).isEqualTo("gold");
        assertThat(read.path("throttle").path("rateLimit").asDouble()).isEqualTo(5.0);
        assertThat(read.path("throttle").path("burstLimit").asInt()).isEqualTo(10);
        assertThat(read.path("quota").path("limit").asInt()).isEqualTo(1000);
        assertThat(read.path("quota").path("period").asString()).isEqualTo("DAY");
        JsonNode stage = read.path("apiStages").get(0);
        assertThat(stage.path("apiId").asString()).isEqualTo("a1");
        assertThat(stage.path("throttle").path("/pets/GET").path("burstLimit").asInt())
                .isEqualTo(2);
    }

    @Test
    void quotaWithoutOffset_startsFromZero_asAwsDefaultsIt() {
        JsonNode plan = admin.ok("POST", "/admin/v1/usageplans", """
                {"name": "no offset", "quota": {"limit": 100, "period": "WEEK"}}""");

        assertThat(plan.path("quota").path("offset").asInt(-1)).isZero();
        assertThat(plan.path("quota").path("period").asString()).isEqualTo("WEEK");
    }

    @Test
    void invalidPlans_are400WithTheReason() {
        assertThat(refusal(PLAN.replace("\"/pets/GET\"", "\"pets\""))).contains("/resource/path/METHOD");
        assertThat(refusal(PLAN.replace("\"rateLimit\": 5", "\"rateLimit\": -1")))
                .contains("rateLimit");
        assertThat(refusal(PLAN.replace("\"offset\": 0", "\"offset\": 1000"))).contains("offset");
        assertThat(refusal(PLAN.replace("\"period\": \"DAY\"", "\"period\": \"YEAR\"")))
                .isNotBlank();
        assertThat(refusal("{\"description\": \"no name\"}")).contains("name");
    }

    @Test
    void aKey_inTwoPlansForTheSameStage_isRefused() {
        String key = admin.ok("POST", "/admin/v1/apikeys", "{\"name\": \"k\"}")
                .path("id")
                .asString();
        String first = admin.ok("POST", "/admin/v1/usageplans", PLAN).path("id").asString();
        String second =
                admin.ok("POST", "/admin/v1/usageplans", PLAN).path("id").asString();

        JsonNode added = admin.ok(
                "POST",
                "/admin/v1/usageplans/" + first + "/keys",
                "{\"keyId\": \"" + key + "\", \"keyType\": \"API_KEY\"}");
        HttpResponse<String> again =
                admin.send("POST", "/admin/v1/usageplans/" + second + "/keys", "{\"keyId\": \"" + key + "\"}");

        assertThat(added.path("type").asString()).isEqualTo("API_KEY");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(admin.ok("GET", "/admin/v1/usageplans/" + first + "/keys", null)
                        .path("items")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(key);
        assertThat(admin.send("DELETE", "/admin/v1/usageplans/" + first + "/keys/" + key, null)
                        .statusCode())
                .isEqualTo(202);
        assertThat(admin.send("POST", "/admin/v1/usageplans/" + second + "/keys", "{\"keyId\": \"" + key + "\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void usage_readsTheGatewaysDailyCounters_andTheQuotaRemainder(TestRedis testRedis) {
        String key = admin.ok("POST", "/admin/v1/apikeys", "{\"name\": \"metered\"}")
                .path("id")
                .asString();
        String plan = admin.ok("POST", "/admin/v1/usageplans", PLAN.replace("\"DAY\"", "\"WEEK\""))
                .path("id")
                .asString();
        admin.ok("POST", "/admin/v1/usageplans/" + plan + "/keys", "{\"keyId\": \"" + key + "\"}");
        // A Monday to Wednesday: 7 requests, 0, then 3 (what the gateway's INCR would have left).
        LocalDate monday = LocalDate.of(2026, 11, 23);
        redis.opsForValue().set(UsageKeys.counter(testRedis.keyPrefix(), plan, key, monday), "7");
        redis.opsForValue().set(UsageKeys.counter(testRedis.keyPrefix(), plan, key, monday.plusDays(2)), "3");

        JsonNode usage = admin.ok(
                "GET", "/admin/v1/usageplans/" + plan + "/usage?startDate=2026-11-24&endDate=2026-11-25", null);

        assertThat(usage.path("usagePlanId").asString()).isEqualTo(plan);
        assertThat(usage.path("startDate").asString()).isEqualTo("2026-11-24");
        // Tuesday: none used, 993 left of the week; Wednesday: 3 used, 990 left.
        assertThat(usage.path("items").path(key).toString()).isEqualTo("[[0,993],[3,990]]");
    }

    @Test
    void usage_withBadDates_is400_andForAnUnknownPlan404() {
        String plan = admin.ok("POST", "/admin/v1/usageplans", PLAN).path("id").asString();

        assertThat(admin.send(
                                "GET",
                                "/admin/v1/usageplans/" + plan + "/usage?startDate=2026-13-01&endDate=2026-11-02",
                                null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.send(
                                "GET",
                                "/admin/v1/usageplans/" + plan + "/usage?startDate=2026-11-02&endDate=2026-11-01",
                                null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.send(
                                "GET",
                                "/admin/v1/usageplans/" + plan + "/usage?startDate=2026-01-01&endDate=2026-11-01",
                                null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.send("GET", "/admin/v1/usageplans/" + plan + "/usage?endDate=2026-11-01", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(admin.send(
                                "GET",
                                "/admin/v1/usageplans/nosuchplan/usage?startDate=2026-11-01&endDate=2026-11-01",
                                null)
                        .statusCode())
                .isEqualTo(404);
    }

    private String refusal(String body) {
        HttpResponse<String> response = admin.send("POST", "/admin/v1/usageplans", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return AdminHttp.JSON.readTree(response.body()).path("message").asString();
    }
}
