package io.stateway.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.WithSharedGateway;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Gateway responses (defaults and customisations), the request size limit and CORS, over HTTP. */
@WithSharedGateway
class GatewayResponsesTest {

    private static final String ORIGIN = "https://app.example.com";

    private static SharedGateway gateway;

    @BeforeAll
    static void deploy(SharedGateway shared) {
        gateway = shared;
        gateway.deploy("responses.yaml", "responses", Map.of());
        gateway.deploy("mock-cors.yaml", "mockcors", Map.of());
    }

    @Test
    void customisedType_takesItsStatusHeadersAndTemplate() {
        HttpResponse<String> response = gateway.get("/responses/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(response.headers().firstValue("x-route")).hasValue("none");
        assertThat(response.headers().firstValue("x-stage")).hasValue("responses");
        assertThat(response.body())
                .isEqualTo("{\"error\": \"no route\", \"type\": \"MISSING_AUTHENTICATION_TOKEN\", \"requestId\": \""
                        + response.headers().firstValue("x-amzn-RequestId").orElseThrow() + "\"}");
    }

    @Test
    void typeWithoutCustomisation_fallsBackToDefault4xx() {
        HttpResponse<String> response = gateway.post("/responses/pets", "application/json", "{\"age\": 3}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(response.headers().firstValue("x-default")).hasValue("4xx");
        assertThat(response.body()).isEqualTo("{\"problem\": \"Invalid request body\"}");
    }

    @Test
    void apiWithoutCustomisations_getsAwsDefaultBody() {
        HttpResponse<String> response = gateway.get("/mockcors/nowhere");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void chunkedBodyAboveTheLimit_isRefusedWith413_countingStreamedBytes() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        HttpResponse<String> response = gateway.send(gateway.request("/responses/upload")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("RequestTooLargeException");
        assertThat(response.body()).isEqualTo("{\"problem\": \"Request Too Long\"}");
    }

    @Test
    void chunkedBodyWithinTheLimit_passes() {
        byte[] body = "{\"a\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = gateway.send(gateway.request("/responses/upload")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"uploaded\": true}");
    }

    @Test
    void corsPreflight_isAnsweredByTheGateway_fromXAmazonApigatewayCors() {
        HttpResponse<String> preflight = gateway.send(gateway.request("/responses/pets")
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET,POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("content-type,x-token");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");
    }

    @Test
    void corsPreflight_fromAnotherOrigin_getsNoCorsHeaders() {
        HttpResponse<String> preflight = gateway.send(gateway.request("/responses/pets")
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void corsResponse_toAnAllowedOrigin_replacesTheBackendsHeaders() {
        HttpResponse<String> response = gateway.send(gateway.request("/responses/pets")
                .header("Origin", ORIGIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"rex\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValue("x-total");
        assertThat(response.headers().firstValue("x-total")).hasValue("3");
    }

    @Test
    void apiWithoutCorsSettings_answersPreflightWithItsMockOptionsMethod() {
        HttpResponse<String> preflight = gateway.send(gateway.request("/mockcors/items")
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("GET,OPTIONS");
    }
}
