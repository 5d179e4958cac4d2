package io.stateway.gateway.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the gateway's admin API, and of the authorizer-service's for API keys and usage plans: a key
 * or plan change returns once the gateway serves it.
 */
public final class AdminClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(15);

    private final String baseUrl;
    private final String token;
    private final AuthorizerEndpoint authorizer;

    /**
     * @param baseUrl the gateway's admin API
     * @param token its admin token
     * @param authorizer the authorizer-service the gateway reads keys from
     */
    public AdminClient(String baseUrl, String token, AuthorizerEndpoint authorizer) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.authorizer = authorizer;
    }

    /** Imports a document; with a stage name, deploys it there. Returns the API's id. */
    public String importApi(String document, String endpointType, String stage) {
        String query = "?endpointType=" + encode(endpointType) + (stage == null ? "" : "&stage=" + encode(stage));
        return ok(send("POST", "/admin/v1/apis" + query, document)).path("id").asString();
    }

    /** Deploys the API's document to a stage with these variables (a new stage) and returns the deployment id. */
    public String deploy(String apiId, String stage, Map<String, String> variables) {
        String body = JSON.writeValueAsString(Map.of("stageName", stage, "variables", variables));
        return ok(send("POST", "/admin/v1/apis/" + apiId + "/deployments", body))
                .path("id")
                .asString();
    }

    public JsonNode putStage(String apiId, String stage, Map<String, Object> settings) {
        return ok(send("PUT", "/admin/v1/apis/" + apiId + "/stages/" + stage, JSON.writeValueAsString(settings)));
    }

    /** Creates an API key (in the authorizer-service) and returns its id. */
    public String createKey(String name, String value, boolean enabled) {
        return keyChange(
                        "POST",
                        "/admin/v1/apikeys",
                        JSON.writeValueAsString(Map.of("name", name, "value", value, "enabled", enabled)))
                .path("id")
                .asString();
    }

    /** Creates a usage plan (in the authorizer-service) and returns its id. */
    public String createPlan(Map<String, Object> plan) {
        return keyChange("POST", "/admin/v1/usageplans", JSON.writeValueAsString(plan))
                .path("id")
                .asString();
    }

    public void addKeyToPlan(String planId, String keyId) {
        keyChange("POST", "/admin/v1/usageplans/" + planId + "/keys", JSON.writeValueAsString(Map.of("keyId", keyId)));
    }

    public void deleteApi(String apiId) {
        ok(send("DELETE", "/admin/v1/apis/" + apiId, ""));
    }

    public void deleteKey(String keyId) {
        keyChange("DELETE", "/admin/v1/apikeys/" + keyId, "");
    }

    public void deletePlan(String planId) {
        keyChange("DELETE", "/admin/v1/usageplans/" + planId, "");
    }

    /** Any call of the gateway's admin API; the caller checks the answer. */
    public HttpResponse<String> send(String method, String path, String body) {
        return send(baseUrl, token, method, path, body);
    }

    /** Any call of the authorizer-service's admin API (keys, usage plans); the caller checks the answer. */
    public HttpResponse<String> sendToAuthorizer(String method, String path, String body) {
        return send(authorizer.url(), authorizer.adminToken(), method, path, body);
    }

    /** A change of keys or plans, returned once the gateway serves it. */
    private JsonNode keyChange(String method, String path, String body) {
        JsonNode answer = ok(sendToAuthorizer(method, path, body));
        awaitKeysServed();
        return answer;
    }

    /** Waits until the gateway serves the authorizer-service's current revision of keys and plans. */
    public void awaitKeysServed() {
        long revision = ok(sendToAuthorizer("GET", "/admin/v1/key-revision", null))
                .path("revision")
                .asLong();
        long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
        while (ok(send("GET", "/admin/v1/catalog", null)).path("keyRevision").asLong() < revision) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The gateway did not serve key revision " + revision + " within " + PROPAGATION_TIMEOUT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<String> send(String base, String bearer, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null || body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Admin call " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during admin call " + method + " " + path, e);
        }
    }

    private static JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new AdminCallFailed(response.statusCode(), response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** An admin call answered with an error. */
    public static final class AdminCallFailed extends RuntimeException {
        private final int status;

        AdminCallFailed(int status, String body) {
            super("admin API answered " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
