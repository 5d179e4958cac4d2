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

/** A client of the gateway's admin API. */
public final class AdminClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private final String token;

    public AdminClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
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

    /** Creates an API key and returns its id. */
    public String createKey(String name, String value, boolean enabled) {
        return ok(send(
                        "POST",
                        "/admin/v1/apikeys",
                        JSON.writeValueAsString(Map.of("name", name, "value", value, "enabled", enabled))))
                .path("id")
                .asString();
    }

    /** Creates a usage plan and returns its id. */
    public String createPlan(Map<String, Object> plan) {
        return ok(send("POST", "/admin/v1/usageplans", JSON.writeValueAsString(plan)))
                .path("id")
                .asString();
    }

    public void addKeyToPlan(String planId, String keyId) {
        ok(send("POST", "/admin/v1/usageplans/" + planId + "/keys", JSON.writeValueAsString(Map.of("keyId", keyId))));
    }

    public void deleteApi(String apiId) {
        ok(send("DELETE", "/admin/v1/apis/" + apiId, ""));
    }

    public void deleteKey(String keyId) {
        ok(send("DELETE", "/admin/v1/apikeys/" + keyId, ""));
    }

    public void deletePlan(String planId) {
        ok(send("DELETE", "/admin/v1/usageplans/" + planId, ""));
    }

    /** Any admin call; the caller checks the answer. */
    public HttpResponse<String> send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
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
