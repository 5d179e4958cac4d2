package io.stateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.stateway.gateway.conformance.EmbeddedGateway;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.TestBackend;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * R12 and RELIABILITY.md §3.7: a JWT authorizer's JWKS URI comes from an API definition, so the gateway fetches
 * it through the SSRF guard of integrations. A replica with the default settings (no allow-list) serves the
 * same APIs as the shared gateway, which allows loopback; the key set is served on loopback, so a fetch the
 * guard let through would reach it. A refused key set is an unavailable one: the JWT authorizer's AWS-shaped
 * 500, no stack trace, and neither the key set nor the backend is called.
 */
@WithSharedGateway
class JwksAddressGuardTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ISSUER = "https://issuer.stateway.test";

    private static SharedGateway gateway;
    private static EmbeddedGateway secure;
    private static EmbeddedGateway besideKeyService;
    private static TestBackend backend;
    private static TestBackend jwks;
    private static TestBackend redirecting;
    private static TestBackend keyService;
    private static RSAKey key;

    @BeforeAll
    static void deploy(SharedGateway shared) throws Exception {
        gateway = shared;
        key = new RSAKeyGenerator(2048).keyID("guarded").generate();
        backend = TestBackend.start();
        backend.answer(request -> new TestBackend.Answer(
                200, Map.of("Content-Type", "application/json"), "{\"ok\": true}".getBytes(StandardCharsets.UTF_8)));
        TestBackend.Handler keySet = request -> new TestBackend.Answer(
                200,
                Map.of("Content-Type", "application/json"),
                new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8));
        jwks = TestBackend.start();
        jwks.answer(keySet);
        redirecting = TestBackend.start();
        redirecting.answer(
                request -> new TestBackend.Answer(302, Map.of("Location", jwks.url("/redirected.json")), new byte[0]));
        // authorizer-service's token endpoint keys, on a loopback address of its own (127.0.0.2).
        keyService = TestBackend.start(InetAddress.getByName("127.0.0.2"));
        keyService.answer(keySet);
        String port = jwks.hostAndPort().replaceAll(".*:", "");
        String keyServicePort = keyService.hostAndPort().replaceAll(".*:", "");
        Map<String, String> keySets = new LinkedHashMap<>();
        keySets.put("jwks-plain", "http://127.0.0.1:" + port + "/jwks.json");
        keySets.put("jwks-localhost", "http://localhost:" + port + "/jwks.json");
        keySets.put("jwks-mapped", "http://[::ffff:127.0.0.1]:" + port + "/jwks.json");
        keySets.put("jwks-decimal", "http://2130706433:" + port + "/jwks.json");
        keySets.put("jwks-metadata", "http://169.254.169.254/latest/meta-data/jwks.json");
        keySets.put("jwks-redirect", redirecting.url("/jwks.json"));
        keySets.put("jwks-key-service", keyService.url("/oauth2/jwks"));
        keySets.put("jwks-key-service-mapped", "http://[::ffff:127.0.0.2]:" + keyServicePort + "/oauth2/jwks");
        keySets.forEach((stage, uri) -> gateway.deploy(
                "jwt-jwks.yaml", stage, Map.of("backend", "http://" + backend.hostAndPort(), "jwks", uri)));
        secure = gateway.startReplica(Map.of("stateway.gateway.integrations.allowed-networks", ""));
        gateway.awaitCaughtUp(secure);
        // A replica whose authorizer-service serves the key set; only the backend's address is allowed.
        besideKeyService = gateway.startReplica(Map.of(
                "stateway.gateway.integrations.allowed-networks",
                "127.0.0.1/32",
                "stateway.gateway.authorizer.url",
                keyService.url("")));
        gateway.awaitCaughtUp(besideKeyService);
    }

    @AfterAll
    static void stop() {
        secure.close();
        besideKeyService.close();
        keyService.close();
        backend.close();
        jwks.close();
        redirecting.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwks-plain", "jwks-localhost", "jwks-mapped", "jwks-decimal", "jwks-metadata"})
    void keySetAtBlockedAddress_withoutAllowList_isNeverFetched_andTheTokenIsRefusedWithoutReachingTheBackend(
            String stage) throws JOSEException {
        int keySetCalls = jwks.received().size();
        int backendCalls = backend.received().size();

        HttpResponse<String> response = call(secure.dataPlanePort(), stage);

        assertKeySetUnavailable(response);
        assertThat(jwks.received()).hasSize(keySetCalls);
        assertThat(backend.received()).hasSize(backendCalls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwks-plain", "jwks-localhost"})
    void keySetOnLoopback_withLoopbackAllowListed_isFetched_andTheTokenAccepted(String stage) throws JOSEException {
        HttpResponse<String> response = call(gateway.port(), stage);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\": true}");
    }

    @Test
    void keySetOfTheAuthorizerService_withoutAllowList_isFetched_asTheOperatorConfiguredIt() throws JOSEException {
        HttpResponse<String> response = call(besideKeyService.dataPlanePort(), "jwks-key-service");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\": true}");
    }

    @Test
    void keySetOnTheAuthorizerServiceAddress_spelledAnotherWay_isStillGuarded() throws JOSEException {
        int backendCalls = backend.received().size();

        HttpResponse<String> response = call(besideKeyService.dataPlanePort(), "jwks-key-service-mapped");

        assertKeySetUnavailable(response);
        assertThat(backend.received()).hasSize(backendCalls);
    }

    @Test
    void keySetRedirect_isNotFollowed_evenToAnAllowedAddress() throws JOSEException {
        int backendCalls = backend.received().size();

        HttpResponse<String> response = call(gateway.port(), "jwks-redirect");

        assertKeySetUnavailable(response);
        assertThat(redirecting.received()).isNotEmpty();
        assertThat(jwks.received()).noneMatch(request -> request.path().equals("/redirected.json"));
        assertThat(backend.received()).hasSize(backendCalls);
    }

    private static void assertKeySetUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).path("message").asString()).isEqualTo("Internal server error");
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("169.254")
                .doesNotContain("127.0.0.1");
    }

    private static HttpResponse<String> call(int port, String stage) throws JOSEException {
        return gateway.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + stage + "/guarded"))
                .header("Authorization", "Bearer " + token())
                .GET());
    }

    private static String token() throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("guarded").build(),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience("stateway-tests")
                        .subject("alice")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
