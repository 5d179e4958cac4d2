package io.stateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.TestBackend;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R12, custom authorizers: a real authorizer function over HTTP (the Lambda Invoke contract) answering AWS's
 * authorizer contract; results cached per authorizer and identity source, the cached policy evaluated against
 * each method ARN.
 */
@WithSharedGateway
class LambdaAuthorizerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STAGE = "authz";

    private static SharedGateway gateway;
    private static TestBackend function;
    private static volatile String usageKey = "";

    @BeforeAll
    static void deploy(SharedGateway shared) {
        gateway = shared;
        function = TestBackend.start();
        function.answer(LambdaAuthorizerTest::authorize);
        gateway.functions().register("authorizer-echo", JwtAuthorizerTest::echoEvent);
        String apiId = gateway.deploy(
                "authorizers.yaml",
                STAGE,
                Map.of("authorizer", function.url("/authorize"), "function", "authorizer-echo"));
        usageKey = "authorizer-key-" + UUID.randomUUID();
        String keyId = gateway.admin().createKey("authorizer", usageKey, true);
        String planId = gateway.admin()
                .createPlan(Map.of("name", "authorizer", "apiStages", List.of(Map.of("apiId", apiId, "stage", STAGE))));
        gateway.admin().addKeyToPlan(planId, keyId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> call("/a", "Bearer warmup").statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    /** The authorizer function: its answer depends on the token (TOKEN) or the tenant (REQUEST). */
    private static TestBackend.Answer authorize(TestBackend.Received request) {
        JsonNode event = JSON.readTree(request.body());
        String arn = event.path("methodArn").asString();
        String everything = arn.substring(0, arn.indexOf('/') + 1) + "*";
        if (event.path("type").asString().equals("REQUEST")) {
            boolean allowed = event.path("queryStringParameters")
                    .path("tenant")
                    .asString()
                    .equals("t1");
            String user = event.path("headers").properties().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("X-User"))
                    .map(header -> header.getValue().asString())
                    .findFirst()
                    .orElse("");
            return policy(user, allowed ? "Allow" : "Deny", allowed ? everything : arn + "-other", Map.of(), null);
        }
        String token = event.path("authorizationToken").asString();
        return switch (token) {
            case "Bearer bob" -> policy("bob", "Deny", everything, Map.of(), null);
            case "Bearer a-only" ->
                policy("a-only", "Allow", arn.substring(0, arn.indexOf("/GET/")) + "/GET/a", Map.of(), null);
            case "Bearer carol" -> policy("carol", "Allow", everything, Map.of(), usageKey);
            case "Bearer unauthorized" -> error("Unauthorized");
            case "Bearer crash" -> error("boom");
            case "Bearer garbage" ->
                new TestBackend.Answer(200, Map.of(), "{\"nope\": 1}".getBytes(StandardCharsets.UTF_8));
            default -> policy(token.substring(7), "Allow", everything, Map.of("tier", "gold", "level", 3), null);
        };
    }

    private static TestBackend.Answer policy(
            String principal, String effect, String resource, Map<String, Object> context, String key) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("principalId", principal);
        answer.put(
                "policyDocument",
                Map.of(
                        "Version",
                        "2012-10-17",
                        "Statement",
                        List.of(Map.of("Action", "execute-api:Invoke", "Effect", effect, "Resource", resource))));
        answer.put("context", context);
        if (key != null) {
            answer.put("usageIdentifierKey", key);
        }
        return new TestBackend.Answer(200, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(answer));
    }

    private static TestBackend.Answer error(String message) {
        return new TestBackend.Answer(
                200,
                Map.of("X-Amz-Function-Error", "Unhandled"),
                JSON.writeValueAsBytes(Map.of("errorMessage", message, "errorType", "Error")));
    }

    @Test
    void allowedToken_reachesMethod_withPrincipalAndContext_andIsCached() {
        int before = calls("Bearer alice");

        HttpResponse<String> first = call("/a", "Bearer alice");
        HttpResponse<String> second = call("/a", "Bearer alice");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"route\": \"a\", \"principal\": \"alice\", \"tier\": \"gold\"}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(calls("Bearer alice") - before).isEqualTo(1);
    }

    @Test
    void principalAndContext_reachLambdaProxyBackend() {
        HttpResponse<String> response = call("/proxied", "Bearer grace");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode authorizer =
                JSON.readTree(response.body()).path("requestContext").path("authorizer");
        assertThat(authorizer.path("principalId").asString()).isEqualTo("grace");
        assertThat(authorizer.path("tier").asString()).isEqualTo("gold");
        assertThat(authorizer.path("level").asInt()).isEqualTo(3);
    }

    @Test
    void cacheIsolation_twoTokensOneRoute_eachGetsItsOwnAnswer() {
        assertThat(call("/b", "Bearer dave").statusCode()).isEqualTo(200);

        HttpResponse<String> denied = call("/b", "Bearer bob");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body())
                .isEqualTo("{\"message\":\"User is not authorized to access this resource with an explicit deny\"}");
        assertThat(denied.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(call("/b", "Bearer dave").statusCode()).isEqualTo(200);
        assertThat(call("/b", "Bearer bob").statusCode()).isEqualTo(403);
        assertThat(calls("Bearer dave")).isEqualTo(1);
        assertThat(calls("Bearer bob")).isEqualTo(1);
    }

    @Test
    void cacheIsolation_oneTokenRoutesAAndB_policyEvaluatedPerMethodArn() {
        assertThat(call("/a", "Bearer a-only").statusCode()).isEqualTo(200);

        HttpResponse<String> other = call("/b", "Bearer a-only");

        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).isEqualTo("{\"message\":\"User is not authorized to access this resource\"}");
        // One call: route B was decided by the cached policy, evaluated against B's ARN.
        assertThat(calls("Bearer a-only")).isEqualTo(1);
    }

    @Test
    void missingOrInvalidIdentity_is401WithoutCallingTheAuthorizer() {
        int before = function.received().size();

        HttpResponse<String> missing = gateway.get("/" + STAGE + "/a");
        HttpResponse<String> invalid = call("/a", "Basic dXNlcjpwYXNz");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(invalid.statusCode()).isEqualTo(401);
        assertThat(function.received()).hasSize(before);
    }

    @Test
    void authorizerSaysUnauthorized_is401() {
        HttpResponse<String> response = call("/a", "Bearer unauthorized");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void authorizerFails_is500AuthorizerFailure_andIsNotCached() {
        HttpResponse<String> first = call("/a", "Bearer crash");
        HttpResponse<String> second = call("/a", "Bearer crash");
        HttpResponse<String> garbage = call("/a", "Bearer garbage");

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerFailureException");
        assertThat(second.statusCode()).isEqualTo(500);
        assertThat(calls("Bearer crash")).isEqualTo(2);
        assertThat(garbage.statusCode()).isEqualTo(500);
        assertThat(garbage.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");
    }

    @Test
    void requestAuthorizer_needsEverySource_andCachesPerValueOfEach() {
        int before = function.received().size();
        HttpResponse<String> noTenant = gateway.send(
                gateway.request("/" + STAGE + "/req").header("X-User", "erin").GET());
        assertThat(noTenant.statusCode()).isEqualTo(401);
        assertThat(function.received()).hasSize(before);

        HttpResponse<String> allowed = gateway.send(gateway.request("/" + STAGE + "/req?tenant=t1")
                .header("X-User", "erin")
                .GET());
        HttpResponse<String> otherTenant = gateway.send(gateway.request("/" + STAGE + "/req?tenant=t2")
                .header("X-User", "erin")
                .GET());

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("{\"principal\": \"erin\"}");
        assertThat(otherTenant.statusCode()).isEqualTo(403);
        JsonNode event = JSON.readTree(function.received().get(before).body());
        assertThat(event.path("type").asString()).isEqualTo("REQUEST");
        assertThat(event.path("resource").asString()).isEqualTo("/req");
        assertThat(event.path("requestContext").path("stage").asString()).isEqualTo(STAGE);
        assertThat(function.received()).hasSize(before + 2);
    }

    @Test
    void usageIdentifierKey_isTheApiKeyWhenTheApiTakesKeysFromTheAuthorizer() {
        HttpResponse<String> carol = call("/keyed", "Bearer carol");
        HttpResponse<String> noKey = call("/keyed", "Bearer frank");
        HttpResponse<String> headerKey = gateway.send(gateway.request("/" + STAGE + "/keyed")
                .header("Authorization", "Bearer frank")
                .header("x-api-key", usageKey)
                .GET());

        assertThat(carol.statusCode()).isEqualTo(200);
        assertThat(carol.body()).startsWith("{\"keyId\": \"").doesNotContain("\"\"");
        assertThat(noKey.statusCode()).isEqualTo(403);
        assertThat(noKey.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        // With the AUTHORIZER key source the header is not a key.
        assertThat(headerKey.statusCode()).isEqualTo(403);
    }

    private static int calls(String token) {
        return (int) function.received().stream()
                .filter(r -> JSON.readTree(r.body())
                        .path("authorizationToken")
                        .asString("")
                        .equals(token))
                .count();
    }

    private static HttpResponse<String> call(String path, String authorization) {
        return gateway.send(gateway.request("/" + STAGE + path)
                .header("Authorization", authorization)
                .GET());
    }
}
