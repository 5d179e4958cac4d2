package io.stateway.orchestrator.api.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.ApiProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** SigV4 checking against real signatures from the AWS SDK's signer and AWS's published example. */
class SigV4VerifierTest {

    static final String KEY = "AKIDSTATEWAYTEST";
    static final String SECRET = "stateway-test-secret";
    static final Instant NOW = Instant.parse("2026-05-04T10:20:30Z");
    static final SigV4Verifier VERIFIER =
            new SigV4Verifier(List.of(new ApiProperties.AccessKey(KEY, SECRET)), "us-east-1", Duration.ofMinutes(15));

    @Test
    void verify_awsDocumentationExample_acceptsItsSignature() {
        SigV4Verifier iam = new SigV4Verifier(
                List.of(new ApiProperties.AccessKey("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                "us-east-1",
                "iam",
                Duration.ofMinutes(15));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
        headers.put("host", List.of("iam.amazonaws.com"));
        headers.put("x-amz-date", List.of("20150830T123600Z"));
        headers.put(
                "authorization",
                List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date,"
                        + " Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"));
        ReceivedRequest example =
                new ReceivedRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", headers, new byte[0]);

        assertThat(iam.verify(example, Instant.parse("2015-08-30T12:36:00Z"))).isEqualTo("AKIDEXAMPLE");
    }

    @Test
    void verify_awsJsonRequestSignedByTheSdk_isAccepted() {
        var request = sign(SdkHttpMethod.POST, "http://localhost:8081/", "{\"maxResults\":5}", KEY, SECRET, NOW);

        assertThat(VERIFIER.verify(request, NOW.plusSeconds(30))).isEqualTo(KEY);
    }

    @Test
    void verify_restRequestWithAnArnInThePathAndAQuery_isAccepted() {
        var request = sign(
                SdkHttpMethod.GET,
                "http://localhost:8081/v1/state-machines/arn:aws:states:us-east-1:123456789012:stateMachine:Orders/executions"
                        + "?statusFilter=RUNNING&maxResults=10",
                "",
                KEY,
                SECRET,
                NOW);

        assertThat(VERIFIER.verify(request, NOW)).isEqualTo(KEY);
    }

    @Test
    void verify_tamperedBodyPathQueryOrHeader_isInvalidSignature() {
        var request = sign(SdkHttpMethod.POST, "http://localhost:8081/v1/validate?x=1", "{\"a\":1}", KEY, SECRET, NOW);

        assertInvalidSignature(withBody(request, "{\"a\":2}"));
        assertInvalidSignature(new ReceivedRequest(
                request.method(), "/v1/other", request.rawQuery(), request.headers(), request.body()));
        assertInvalidSignature(
                new ReceivedRequest(request.method(), request.rawPath(), "x=2", request.headers(), request.body()));
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("host", List.of("evil.example:8081"));
        assertInvalidSignature(
                new ReceivedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body()));
    }

    @Test
    void verify_wrongSecretOrUnknownKey_isInvalidSignatureOrUnrecognizedClient() {
        assertInvalidSignature(sign(SdkHttpMethod.POST, "http://localhost:8081/", "{}", KEY, "not-the-secret", NOW));
        assertThatThrownBy(() -> VERIFIER.verify(
                        sign(SdkHttpMethod.POST, "http://localhost:8081/", "{}", "AKIDUNKNOWN", SECRET, NOW), NOW))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class,
                        e -> assertThat(e.code()).isEqualTo("UnrecognizedClientException"));
    }

    @Test
    void verify_outsideTheClockSkew_isInvalidSignature_andWithinItIsAccepted() {
        var request = sign(SdkHttpMethod.POST, "http://localhost:8081/", "{}", KEY, SECRET, NOW);

        assertThat(VERIFIER.verify(request, NOW.plus(Duration.ofMinutes(14)))).isEqualTo(KEY);
        assertThat(VERIFIER.verify(request, NOW.minus(Duration.ofMinutes(14)))).isEqualTo(KEY);
        assertThatThrownBy(() -> VERIFIER.verify(request, NOW.plus(Duration.ofMinutes(16))))
                .isInstanceOfSatisfying(StepFunctionsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidSignatureException");
                    assertThat(e.getMessage()).startsWith("Signature expired: 20260504T102030Z");
                });
        assertThatThrownBy(() -> VERIFIER.verify(request, NOW.minus(Duration.ofMinutes(16))))
                .isInstanceOf(StepFunctionsException.class);
    }

    @Test
    void verify_otherRegionOrServiceInTheScope_isInvalidSignature() {
        SigV4Verifier euWest = new SigV4Verifier(
                List.of(new ApiProperties.AccessKey(KEY, SECRET)), "eu-west-1", Duration.ofMinutes(15));
        var request = sign(SdkHttpMethod.POST, "http://localhost:8081/", "{}", KEY, SECRET, NOW);

        assertThatThrownBy(() -> euWest.verify(request, NOW))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo("Credential should be scoped to a valid region: 'eu-west-1'"));
    }

    @Test
    void verify_unsignedOrMalformedAuthorization_isMissingTokenOrIncompleteSignature() {
        var unsigned = new ReceivedRequest("POST", "/", null, Map.of("host", List.of("localhost")), new byte[0]);
        var malformed =
                new ReceivedRequest("POST", "/", null, Map.of("authorization", List.of("Bearer abc")), new byte[0]);

        assertThatThrownBy(() -> VERIFIER.verify(unsigned, NOW))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class,
                        e -> assertThat(e.code()).isEqualTo("MissingAuthenticationTokenException"));
        assertThatThrownBy(() -> VERIFIER.verify(malformed, NOW))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class,
                        e -> assertThat(e.code()).isEqualTo("IncompleteSignatureException"));
    }

    private static void assertInvalidSignature(ReceivedRequest request) {
        assertThatThrownBy(() -> VERIFIER.verify(request, NOW))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class, e -> assertThat(e.code()).isEqualTo("InvalidSignatureException"));
    }

    private static ReceivedRequest withBody(ReceivedRequest request, String body) {
        return new ReceivedRequest(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                request.headers(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs a request with the AWS SDK's own SigV4 signer, as an SDK client would. */
    static ReceivedRequest sign(SdkHttpMethod method, String url, String body, String key, String secret, Instant at) {
        URI uri = URI.create(url);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(method)
                .uri(uri)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "AWSStepFunctions.ListStateMachines")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(key, secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "states")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        headers.put("host", List.of(uri.getAuthority()));
        return new ReceivedRequest(
                method.name(), uri.getRawPath(), uri.getRawQuery(), headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
