package io.stateway.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.testsupport.SpringTestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * With {@code stateway.orchestrator.api.sigv4.verify} on, both faces require a valid signature by a
 * configured key: the SDK's own signatures pass, a wrong secret, an unknown key or no signature get
 * AWS's errors, and health stays open.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "stateway.orchestrator.api.sigv4.verify=true",
            "stateway.orchestrator.api.sigv4.access-keys[0].access-key-id=" + SfnClients.ACCESS_KEY,
            "stateway.orchestrator.api.sigv4.access-keys[0].secret-access-key=" + SfnClients.SECRET_KEY
        })
@SpringTestServers
class SigV4VerificationTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void sdkClient_signingWithAConfiguredKey_isServed() {
        try (SfnClient sfn = SfnClients.local(port)) {
            String arn = sfn.createStateMachine(b -> b.name("signed")
                            .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")
                            .roleArn("arn:aws:iam::123456789012:role/r"))
                    .stateMachineArn();

            assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).name())
                    .isEqualTo("signed");
        }
    }

    @Test
    void sdkClient_wrongSecretOrUnknownKey_isRefusedWithAwsErrors() {
        try (SfnClient wrongSecret = SfnClients.local(port, SfnClients.ACCESS_KEY, "not-the-secret");
                SfnClient unknownKey = SfnClients.local(port, "AKIDUNKNOWN", SfnClients.SECRET_KEY)) {
            assertThatThrownBy(() -> wrongSecret.listStateMachines(b -> {}))
                    .isInstanceOfSatisfying(SfnException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
            assertThatThrownBy(() -> unknownKey.listStateMachines(b -> {}))
                    .isInstanceOfSatisfying(
                            SfnException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        }
    }

    @Test
    void unsignedRequests_onBothFaces_areRefused_butHealthIsOpen() throws Exception {
        HttpResponse<String> awsJson = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .header("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> rest = get("/v1/state-machines", List.of());
        HttpResponse<String> health = get("/actuator/health/liveness", List.of());

        assertThat(awsJson.statusCode()).isEqualTo(403);
        assertThat(Json.parse(awsJson.body()).path("__type").asString())
                .isEqualTo("MissingAuthenticationTokenException");
        assertThat(rest.statusCode()).isEqualTo(403);
        assertThat(Json.parse(rest.body()).path("__type").asString()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void restRequest_signedByTheSdkSigner_isServed_andTamperingIsRefused() throws Exception {
        String path = "/v1/state-machines?maxResults=5";
        List<String[]> headers = signedHeaders(path);

        HttpResponse<String> signed = get(path, headers);
        HttpResponse<String> tampered = get("/v1/state-machines?maxResults=6", headers);

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(Json.parse(tampered.body()).path("__type").asString()).isEqualTo("InvalidSignatureException");
    }

    private List<String[]> signedHeaders(String pathAndQuery) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("http://localhost:" + port + pathAndQuery))
                .build();
        var signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(SfnClients.ACCESS_KEY, SfnClients.SECRET_KEY))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(""))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "states")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        return signed.request().headers().entrySet().stream()
                .filter(e -> !e.getKey().equalsIgnoreCase("host"))
                .map(e -> new String[] {e.getKey(), e.getValue().getFirst()})
                .toList();
    }

    private HttpResponse<String> get(String pathAndQuery, List<String[]> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        headers.forEach(h -> request.header(h[0], h[1]));
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
