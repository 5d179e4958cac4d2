package io.stateway.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.gateway.conformance.EmbeddedGateway;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.TestBackend;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response cache over HTTP, on real Redis, with two gateway replicas sharing it: what one stored the
 * other serves. The backend numbers its answers, so a repeated number is a cache hit.
 */
@WithSharedGateway
class ResponseCacheTest {

    private static SharedGateway gateway;
    private static EmbeddedGateway replica;
    private static TestBackend backend;
    private static String apiId;
    private static final AtomicInteger answers = new AtomicInteger();

    @BeforeAll
    static void deploy(SharedGateway shared) {
        gateway = shared;
        backend = TestBackend.start();
        backend.answer(request -> {
            int n = answers.incrementAndGet();
            return switch (request.path()) {
                case "/authorize" -> allow(request);
                case "/cookie" -> answer(n, Map.of("Set-Cookie", "session=" + n));
                case "/big" ->
                    new TestBackend.Answer(
                            200,
                            Map.of("Content-Type", "text/plain"),
                            ("n=" + n + " " + "x".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8));
                default -> answer(n, Map.of());
            };
        });
        apiId = gateway.deploy("cache.yaml", "cached", Map.of("backend", "http://" + backend.hostAndPort()));
        gateway.admin()
                .putStage(
                        apiId,
                        "cached",
                        Map.of(
                                "cache", Map.of("enabled", true, "ttlSeconds", 300),
                                "methodSettings",
                                        Map.of(
                                                "/items/{id}/POST", Map.of("cachingEnabled", true),
                                                "/short/GET", Map.of("cacheTtlInSeconds", 1))));
        gateway.admin().putStage(apiId, "uncached", Map.of());
        gateway.admin()
                .putStage(
                        apiId,
                        "refreshable",
                        Map.of("cache", Map.of("enabled", true, "requireAuthorizationForCacheControl", false)));
        gateway.admin()
                .putStage(
                        apiId,
                        "warned",
                        Map.of(
                                "cache",
                                Map.of(
                                        "enabled",
                                        true,
                                        "unauthorizedCacheControlHeaderStrategy",
                                        "SUCCEED_WITH_RESPONSE_HEADER")));
        replica = gateway.startReplica();
        gateway.awaitCaughtUp(replica);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    /** The authorizer function: everyone may call, as the principal their X-User header names. */
    private static TestBackend.Answer allow(TestBackend.Received request) {
        JsonNode event = JsonMapper.builder().build().readTree(request.body());
        String user = event.path("headers").properties().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("X-User"))
                .map(header -> header.getValue().asString())
                .findFirst()
                .orElse("");
        String policy = "{\"principalId\": \"" + user + "\", \"policyDocument\": {\"Version\": \"2012-10-17\", "
                + "\"Statement\": [{\"Action\": \"execute-api:Invoke\", \"Effect\": \"Allow\", \"Resource\": \""
                + event.path("methodArn").asString() + "\"}]}}";
        return new TestBackend.Answer(
                200, Map.of("Content-Type", "application/json"), policy.getBytes(StandardCharsets.UTF_8));
    }

    private static TestBackend.Answer answer(int n, Map<String, String> extra) {
        Map<String, String> headers = new java.util.HashMap<>(extra);
        headers.put("Content-Type", "application/json");
        return new TestBackend.Answer(200, headers, ("{\"n\": " + n + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return gateway.send(request);
    }

    private static HttpResponse<String> onFirst(String path, String... headers) {
        return get(gateway.port(), path, headers);
    }

    private static HttpResponse<String> onReplica(String path, String... headers) {
        return get(replica.dataPlanePort(), path, headers);
    }

    @Test
    void get_storedByOneReplica_isServedByTheOtherWithoutCallingTheBackend() {
        HttpResponse<String> first = onFirst("/cached/items/1");
        int calls = backend.received().size();

        HttpResponse<String> second = onReplica("/cached/items/1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(second.headers().firstValue("x-amzn-RequestId"))
                .isPresent()
                .isNotEqualTo(first.headers().firstValue("x-amzn-RequestId"));
        assertThat(backend.received()).hasSize(calls);
    }

    @Test
    void get_otherPath_isAnotherEntry() {
        String one = onFirst("/cached/items/10").body();
        String two = onReplica("/cached/items/11").body();

        assertThat(two).isNotEqualTo(one);
        assertThat(onReplica("/cached/items/10").body()).isEqualTo(one);
    }

    @Test
    void cacheKeyParameters_keyOnListedParametersOnly() {
        String a = onFirst("/cached/search?q=a&noise=1").body();

        assertThat(a).startsWith("{\"search\": {\"n\":");
        // On the same replica: an HTTP integration sees the Host header ($context.domainName), which is keyed,
        // and each replica here has a port of its own.
        assertThat(onFirst("/cached/search?q=a&noise=2").body()).isEqualTo(a);
        assertThat(onFirst("/cached/search?q=b&noise=1").body()).isNotEqualTo(a);
    }

    @Test
    void post_isCachedOnlyWhereAMethodSettingEnablesIt() {
        String cached = postTo("/cached/items/20").body();
        assertThat(postTo("/cached/items/20").body()).isEqualTo(cached);

        String uncached = postTo("/uncached/items/20").body();
        assertThat(postTo("/uncached/items/20").body()).isNotEqualTo(uncached);
    }

    private static HttpResponse<String> postTo(String path) {
        return gateway.post(path, "application/json", "{}");
    }

    @Test
    void stageWithoutCache_alwaysCallsTheBackend() {
        String first = onFirst("/uncached/items/30").body();

        assertThat(onFirst("/uncached/items/30").body()).isNotEqualTo(first);
    }

    @Test
    void responsesWithSetCookie_orAboveTheEntryLimit_areNotStored() {
        String cookie = onFirst("/cached/cookie").body();
        assertThat(onFirst("/cached/cookie").body()).isNotEqualTo(cookie);

        HttpResponse<String> big = onFirst("/cached/big");
        assertThat(big.statusCode()).isEqualTo(200);
        assertThat(big.body()).hasSize(1_100_000 + big.body().indexOf(' ') + 1);
        assertThat(onFirst("/cached/big").body().substring(0, 12))
                .isNotEqualTo(big.body().substring(0, 12));
    }

    @Test
    void entry_expiresAfterTheMethodsTtl() {
        String first = onFirst("/cached/short").body();
        assertThat(onFirst("/cached/short").body()).isEqualTo(first);

        Awaitility.await()
                .pollDelay(Duration.ofMillis(900))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !onFirst("/cached/short").body().equals(first));
    }

    @Test
    void maxAgeZero_byUnauthorisedCaller_isRefusedWith403ByDefault() {
        onFirst("/cached/items/40");

        HttpResponse<String> refused = onFirst("/cached/items/40", "Cache-Control", "max-age=0");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(refused.body()).startsWith("{\"message\":");
    }

    @Test
    void maxAgeZero_whereAuthorizationIsNotRequired_refreshesTheEntryForEveryReplica() {
        String first = onFirst("/refreshable/items/50").body();
        assertThat(onReplica("/refreshable/items/50").body()).isEqualTo(first);

        String refreshed = onReplica("/refreshable/items/50", "Cache-Control", "no-cache, max-age=0")
                .body();

        assertThat(refreshed).isNotEqualTo(first);
        assertThat(onFirst("/refreshable/items/50").body()).isEqualTo(refreshed);
    }

    @Test
    void maxAgeZero_ignoredWithWarning_whenTheStageSaysSo() {
        String first = onFirst("/warned/items/60").body();

        HttpResponse<String> ignored = onFirst("/warned/items/60", "Cache-Control", "max-age=0");

        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(ignored.body()).isEqualTo(first);
        assertThat(ignored.headers().firstValue("Warning"))
                .hasValueSatisfying(w -> assertThat(w).startsWith("199 "));
    }

    @Test
    void entries_areCompactBinaryUnderTheStagePrefix_andTheAdminFlushRemovesThem() {
        onFirst("/cached/items/70");
        ReactiveRedisTemplate<String, byte[]> redis = new ReactiveRedisTemplate<>(
                gateway.bean(ReactiveRedisConnectionFactory.class),
                RedisSerializationContext.<String, byte[]>newSerializationContext(RedisSerializer.string())
                        .value(RedisSerializer.byteArray())
                        .build());
        String prefix = gateway.redis().keyPrefix() + "cache:" + apiId + ":cached:";
        List<String> keys = redis.keys(prefix + "*").collectList().block();
        assertThat(keys).isNotEmpty();
        byte[] entry = redis.opsForValue().get(keys.getFirst()).block();
        assertThat(entry[0]).isEqualTo((byte) 1);
        // Not Java serialization (whose stream starts with 0xACED).
        assertThat(entry[0] == (byte) 0xAC && entry[1] == (byte) 0xED).isFalse();
        Long ttl = redis.getExpire(keys.getFirst()).map(Duration::toSeconds).block();
        assertThat(ttl).isBetween(1L, 300L);

        HttpResponse<String> flushed =
                gateway.admin().send("DELETE", "/admin/v1/apis/" + apiId + "/stages/cached/cache", "");

        assertThat(flushed.statusCode()).isEqualTo(202);
        assertThat(redis.keys(prefix + "*").collectList().block()).isEmpty();
    }

    @Test
    void authorisedMethod_keysOnTheCallersIdentity() {
        String alice = onFirst("/cached/mine", "X-User", "alice").body();
        String bob = onFirst("/cached/mine", "X-User", "bob").body();

        assertThat(alice).startsWith("{\"n\": ");
        assertThat(bob).startsWith("{\"n\": ").isNotEqualTo(alice);
        assertThat(onReplica("/cached/mine", "X-User", "alice").body()).isEqualTo(alice);
        assertThat(onReplica("/cached/mine", "X-User", "bob").body()).isEqualTo(bob);
    }

    @Test
    void decode_refusesEntriesOfAnotherLayout() {
        assertThat(CachedResponses.decode(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}))
                .isEmpty();
        assertThat(CachedResponses.decode(new byte[] {1, 0, (byte) 200, 0x7f, 0, 0, 0}))
                .isEmpty();
    }
}
