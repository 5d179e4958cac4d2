package io.stateway.gateway.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stateway.gateway.conformance.AdminClient;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.WithSharedGateway;
import io.stateway.model.usage.UsageKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@WithSharedGateway
class ThrottleFilterTest {

    private static final String STAGE = "throttle-keys";

    private static SharedGateway gateway;
    private static AdminClient admin;
    private static String apiId;

    @BeforeAll
    static void deploy(SharedGateway shared) {
        gateway = shared;
        admin = gateway.admin();
        apiId = admin.importApi(SharedGateway.fixture("throttling.yaml", Map.of()), "REGIONAL", STAGE);
    }

    @Test
    void methodSetting_beyondBurst_is429TooManyRequestsWithRetryAfter() {
        // A stage created with its throttle: every request it serves is metered from the first one.
        admin.putStage(
                apiId,
                "throttle-stage",
                Map.of(
                        "methodSettings",
                        Map.of("/open/GET", Map.of("throttlingRateLimit", 0.01, "throttlingBurstLimit", 4))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gateway.get("/throttle-stage/open").statusCode() == 200);

        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = gateway.get("/throttle-stage/open");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429);
        assertThat(refused.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
        // One token comes back after 1 / 0.01 s.
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(90L, 100L);
        // The stage's other methods have buckets of their own (no default throttle on this stage).
        assertThat(gateway.get("/throttle-stage/keyed").statusCode()).isEqualTo(403);
    }

    @Test
    void stageDefault_throttlesEachMethodInItsOwnBucket() {
        admin.putStage(apiId, "throttle-default", Map.of("throttling", Map.of("rateLimit", 0.01, "burstLimit", 1)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gateway.get("/throttle-default/open").statusCode() == 200);

        assertThat(gateway.get("/throttle-default/open").statusCode()).isEqualTo(429);
        // Another method, another bucket: a key method is decided once its key is known, and has none here.
        assertThat(gateway.get("/throttle-default/keyed").statusCode()).isEqualTo(403);
    }

    @Test
    void methodWithoutApiKey_isThrottledBeforeAuthentication_soRefusedCredentialsUseUpItsBucket() {
        admin.putStage(
                apiId,
                "throttle-unsigned",
                Map.of(
                        "methodSettings",
                        Map.of("/signed/GET", Map.of("throttlingRateLimit", 0.01, "throttlingBurstLimit", 2))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gateway.get("/throttle-unsigned/open").statusCode() == 200);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(gateway.get("/throttle-unsigned/signed").statusCode());
        }

        // Unsigned: admitted by the limiter, then refused by SigV4, until the method's bucket is empty.
        assertThat(statuses).containsExactly(403, 403, 429, 429);
    }

    @Test
    void planQuota_withOffset_admitsLimitMinusOffsetThenLimitExceeded() {
        String planId = admin.createPlan(Map.of(
                "name", "quota",
                "quota", Map.of("limit", 5, "offset", 2, "period", "DAY"),
                "apiStages", List.of(Map.of("apiId", apiId, "stage", STAGE))));
        Key key = key(planId);
        Key other = key(planId);
        awaitGranted(key);

        List<Integer> statuses = new ArrayList<>(List.of(200));
        HttpResponse<String> refused = null;
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = keyed("/keyed", key.value());
            statuses.add(response.statusCode());
            refused = response.statusCode() == 429 ? response : refused;
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThat(refused.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("LimitExceededException");
        long untilTomorrow = Duration.between(
                        Instant.now(),
                        UsageKeys.utcDay(Instant.now()).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC))
                .toSeconds();
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(untilTomorrow - 5, untilTomorrow + 5);
        // Each key has a quota of its own.
        awaitGranted(other);
        // Usage counts admitted requests only, per key and UTC day, where the authorizer's GetUsage reads it.
        assertThat(usage(planId, key)).isEqualTo("3");
        assertThat(usage(planId, other)).isEqualTo("1");
    }

    @Test
    void planThrottle_perKey_withConsistentRateLimitHeaders() {
        String planId = admin.createPlan(Map.of(
                "name", "throttle",
                "throttle", Map.of("rateLimit", 0.01, "burstLimit", 3),
                "apiStages", List.of(Map.of("apiId", apiId, "stage", STAGE))));
        Key key = key(planId);
        Key other = key(planId);
        HttpResponse<String> first = awaitGranted(key);

        HttpResponse<String> second = keyed("/keyed", key.value());
        HttpResponse<String> third = keyed("/keyed/other", key.value());
        HttpResponse<String> refused = keyed("/keyed", key.value());

        assertThat(List.of(first, second, third).stream()
                        .map(r ->
                                r.headers().firstValue("X-RateLimit-Remaining").orElseThrow()))
                .containsExactly("2", "1", "0");
        assertThat(List.of(first, second, third, refused).stream()
                        .map(r -> r.headers().firstValue("X-RateLimit-Limit").orElseThrow()))
                .containsOnly("3");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(usage(planId, key)).isEqualTo("3");
        // The other key of the plan has a bucket of its own.
        assertThat(awaitGranted(other).headers().firstValue("X-RateLimit-Remaining"))
                .hasValue("2");
    }

    @Test
    void planMethodThrottle_limitsThatMethodOnly() {
        String planId = admin.createPlan(Map.of(
                "name",
                "method throttle",
                "throttle",
                Map.of("rateLimit", 100, "burstLimit", 100),
                "apiStages",
                List.of(Map.of(
                        "apiId",
                        apiId,
                        "stage",
                        STAGE,
                        "throttle",
                        Map.of("/keyed/other/GET", Map.of("rateLimit", 0.01, "burstLimit", 1))))));
        Key key = key(planId);
        awaitGranted(key);

        assertThat(keyed("/keyed/other", key.value()).statusCode()).isEqualTo(200);
        assertThat(keyed("/keyed/other", key.value()).statusCode()).isEqualTo(429);
        assertThat(keyed("/keyed", key.value()).statusCode()).isEqualTo(200);
    }

    @Test
    void requestsWithoutKey_getNoRateLimitHeaders() {
        HttpResponse<String> response = gateway.get("/" + STAGE + "/open");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
    }

    private record Key(String id, String value) {}

    private static Key key(String planId) {
        String value = "throttle-" + UUID.randomUUID();
        String id = admin.createKey("throttle", value, true);
        admin.addKeyToPlan(planId, id);
        return new Key(id, value);
    }

    /** Waits until the replica serves the key's grant; the first admitted request is returned. */
    private static HttpResponse<String> awaitGranted(Key key) {
        List<HttpResponse<String>> admitted = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response = keyed("/keyed", key.value());
                    if (response.statusCode() == 200) {
                        admitted.add(response);
                        return true;
                    }
                    return false;
                });
        return admitted.getFirst();
    }

    private static HttpResponse<String> keyed(String path, String key) {
        return gateway.send(
                gateway.request("/" + STAGE + path).header("x-api-key", key).GET());
    }

    private static String usage(String planId, Key key) {
        return gateway.bean(ReactiveStringRedisTemplate.class)
                .opsForValue()
                .get(UsageKeys.counter(gateway.redis().keyPrefix(), planId, key.id(), Instant.now()))
                .block(Duration.ofSeconds(5));
    }
}
