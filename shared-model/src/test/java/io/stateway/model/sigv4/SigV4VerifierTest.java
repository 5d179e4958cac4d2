package io.stateway.model.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * AWS's published SigV4 test suite (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1,
 * service "service") and the refusals AWS gives.
 */
class SigV4VerifierTest {

    private static final String KEY = "AKIDEXAMPLE";
    private static final byte[] SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final SigV4Verifier VERIFIER = new SigV4Verifier("us-east-1", "service", Duration.ofMinutes(15));
    private static final String EMPTY = SigV4Canonical.payloadHash(new byte[0]);

    private static SigV4Request vector(String method, String query, String signature) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("example.amazonaws.com"));
        headers.put("x-amz-date", List.of("20150830T123600Z"));
        headers.put(
                "authorization",
                List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=" + signature));
        return new SigV4Request(method, "/", query, headers, EMPTY);
    }

    private static String verify(SigV4Request request, Instant now) {
        return VERIFIER.verify(request, now, id -> id.equals(KEY) ? Optional.of(SECRET) : Optional.empty());
    }

    @Test
    void awsTestSuite_getVanilla_isAccepted() {
        assertThat(verify(vector("GET", null, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"), AT))
                .isEqualTo(KEY);
    }

    @Test
    void awsTestSuite_getVanillaQueryOrderKeyCase_isAccepted() {
        assertThat(verify(
                        vector(
                                "GET",
                                "Param2=value2&Param1=value1",
                                "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                        AT))
                .isEqualTo(KEY);
    }

    @Test
    void awsTestSuite_postVanilla_isAccepted() {
        assertThat(verify(vector("POST", null, "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"), AT))
                .isEqualTo(KEY);
    }

    @Test
    void tamperedMethodQueryHostOrBody_isInvalidSignature() {
        SigV4Request good = vector("GET", null, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        Map<String, List<String>> otherHost = new LinkedHashMap<>(good.headers());
        otherHost.put("host", List.of("evil.example"));

        assertRefused(new SigV4Request("POST", "/", null, good.headers(), EMPTY), "InvalidSignatureException");
        assertRefused(new SigV4Request("GET", "/", "a=1", good.headers(), EMPTY), "InvalidSignatureException");
        assertRefused(new SigV4Request("GET", "/x", null, good.headers(), EMPTY), "InvalidSignatureException");
        assertRefused(new SigV4Request("GET", "/", null, otherHost, EMPTY), "InvalidSignatureException");
        assertRefused(
                new SigV4Request("GET", "/", null, good.headers(), SigV4Canonical.payloadHash(new byte[] {1})),
                "InvalidSignatureException");
    }

    @Test
    void clockSkew_upTo15MinutesEitherWay_isAccepted_beyondIsExpired() {
        SigV4Request request = vector("GET", null, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        assertThat(verify(request, AT.plus(Duration.ofMinutes(15)))).isEqualTo(KEY);
        assertThat(verify(request, AT.minus(Duration.ofMinutes(15)))).isEqualTo(KEY);
        assertThatThrownBy(() -> verify(request, AT.plus(Duration.ofMinutes(15)).plusSeconds(1)))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidSignatureException");
                    assertThat(e.getMessage()).startsWith("Signature expired");
                });
        assertThatThrownBy(() -> verify(request, AT.minus(Duration.ofMinutes(16))))
                .isInstanceOf(SigV4Exception.class);
    }

    @Test
    void wrongScope_unknownKey_unsignedHostOrDate_andMissingOrMalformedAuthorization_areRefusedAsAwsDoes() {
        SigV4Request good = vector("GET", null, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        String authorization = good.header("authorization");

        assertRefused(
                withAuthorization(good, authorization.replace("us-east-1", "eu-west-1")), "InvalidSignatureException");
        assertRefused(
                withAuthorization(good, authorization.replace("/service/", "/execute-api/")),
                "InvalidSignatureException");
        assertRefused(
                withAuthorization(good, authorization.replace("20150830/", "20150831/")), "InvalidSignatureException");
        assertRefused(
                withAuthorization(good, authorization.replace("AKIDEXAMPLE", "AKIDOTHER")),
                "UnrecognizedClientException");
        assertRefused(
                withAuthorization(good, authorization.replace("host;x-amz-date", "x-amz-date")),
                "InvalidSignatureException");
        assertRefused(
                withAuthorization(good, authorization.replace("host;x-amz-date", "host")), "InvalidSignatureException");
        assertRefused(withAuthorization(good, "Bearer abc"), "IncompleteSignatureException");
        assertRefused(
                new SigV4Request("GET", "/", null, Map.of("host", List.of("h")), EMPTY),
                "MissingAuthenticationTokenException");
    }

    @Test
    void declaredPayloadHash_mustBeTheBodys() {
        SigV4Request good = vector("GET", null, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        Map<String, List<String>> headers = new LinkedHashMap<>(good.headers());
        headers.put("x-amz-content-sha256", List.of("UNSIGNED-PAYLOAD"));

        assertRefused(new SigV4Request("GET", "/", null, headers, EMPTY), "InvalidSignatureException");
    }

    @Test
    void canonicalForms_sortAndEncodeTheQuery_andOfferAwsAndAsSentPaths() {
        assertThat(SigV4Canonical.canonicalQuery("b=2&a=x%20y&a=1&c")).isEqualTo("a=1&a=x%20y&b=2&c=");
        assertThat(SigV4Canonical.canonicalPaths("/v1/a:b/./c/../d"))
                .containsExactly("/v1/a%3Ab/d", "/v1/a:b/./c/../d");
    }

    private static SigV4Request withAuthorization(SigV4Request request, String authorization) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("authorization", List.of(authorization));
        return new SigV4Request(
                request.method(), request.rawPath(), request.rawQuery(), headers, request.payloadSha256());
    }

    private static void assertRefused(SigV4Request request, String code) {
        assertThatThrownBy(() -> verify(request, AT))
                .isInstanceOfSatisfying(
                        SigV4Exception.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
