package io.stateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.stateway.gateway.conformance.FunctionHost;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.TestBackend;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * R12, JWT: real RS256 tokens signed with nimbus-jose-jwt, verified against a real JWKS endpoint. Every
 * attack gets 401, never a 500, and never reaches the backend.
 */
@WithSharedGateway
class JwtAuthorizerTest {

    private static final String ISSUER = "https://issuer.stateway.test";
    private static final String AUDIENCE = "stateway-tests";

    private static SharedGateway gateway;
    private static TestBackend backend;
    private static TestBackend jwks;
    private static TestBackend attackerJwks;
    private static RSAKey key;
    private static RSAKey attackerKey;

    @BeforeAll
    static void deploy(SharedGateway shared) throws JOSEException {
        gateway = shared;
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        attackerKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
        backend = TestBackend.start();
        backend.answer(request -> new TestBackend.Answer(
                200, Map.of("Content-Type", "application/json"), "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
        jwks = TestBackend.start();
        jwks.answer(request -> new TestBackend.Answer(
                200,
                Map.of("Content-Type", "application/json"),
                new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8)));
        attackerJwks = TestBackend.start();
        attackerJwks.answer(request -> new TestBackend.Answer(
                200,
                Map.of("Content-Type", "application/json"),
                new JWKSet(attackerKey).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8)));
        gateway.functions().register("jwt-echo", JwtAuthorizerTest::echoEvent);
        gateway.deploy(
                "jwt.yaml",
                "jwt",
                Map.of(
                        "backend",
                        "http://" + backend.hostAndPort(),
                        "jwks",
                        jwks.url("/.well-known/jwks.json"),
                        "function",
                        "jwt-echo"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> call("/claims", signed(c -> c)).statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        backend.close();
        jwks.close();
        attackerJwks.close();
    }

    @Test
    void validToken_reachesBackend_withClaimsInTemplates() throws Exception {
        HttpResponse<String> response = call("/claims", "Bearer " + signed(c -> c));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.last().text()).isEqualTo("{\"sub\": \"alice\", \"iss\": \"" + ISSUER + "\"}");
    }

    @Test
    void validToken_claimsReachLambdaProxyBackend() throws Exception {
        HttpResponse<String> response = call("/proxied", signed(c -> c.claim("email", "alice@example.com")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode claims = JsonMapper.builder()
                .build()
                .readTree(response.body())
                .path("requestContext")
                .path("authorizer")
                .path("claims");
        assertThat(claims.path("sub").asString()).isEqualTo("alice");
        assertThat(claims.path("email").asString()).isEqualTo("alice@example.com");
        assertThat(claims.path("iss").asString()).isEqualTo(ISSUER);
    }

    /** A Lambda proxy function answering with the event it got. */
    static FunctionHost.Outcome echoEvent(JsonNode event) {
        ObjectNode response = JsonMapper.builder().build().createObjectNode();
        response.put("statusCode", 200);
        response.put("body", event.toString());
        return new FunctionHost.Outcome.Returned(response);
    }

    @Test
    void expiredWithinClockSkew_isAccepted() throws Exception {
        String token = signed(c -> c.issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(20))));

        assertThat(call("/claims", token).statusCode()).isEqualTo(200);
    }

    @Test
    void algNone_isUnauthorized() {
        String token = new PlainJWT(claims().build()).serialize();

        assertRefused("/claims", token);
    }

    @Test
    void hs256SignedWithTheRsaPublicKey_isUnauthorized() throws Exception {
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        forged.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));

        assertRefused("/claims", forged.serialize());
    }

    @Test
    void missingExp_isUnauthorized() throws Exception {
        assertRefused("/claims", signed(c -> c.expirationTime(null)));
    }

    @Test
    void expiredBeyondClockSkew_isUnauthorized() throws Exception {
        assertRefused(
                "/claims",
                signed(c -> c.issueTime(Date.from(Instant.now().minusSeconds(600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(120)))));
    }

    @Test
    void futureNotBefore_isUnauthorized() throws Exception {
        assertRefused(
                "/claims", signed(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(300)))));
    }

    @Test
    void wrongIssuer_isUnauthorized() throws Exception {
        assertRefused("/claims", signed(c -> c.issuer("https://evil.example")));
    }

    @Test
    void wrongAudience_isUnauthorized() throws Exception {
        assertRefused("/claims", signed(c -> c.audience("someone-else")));
    }

    @Test
    void unknownKid_isUnauthorized_andRefetchesTheKeySetAtMostOnce() throws Exception {
        int fetchesBefore = jwks.received().size();
        for (int i = 0; i < 5; i++) {
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID("unknown-" + i)
                            .build(),
                    claims().build());
            token.sign(new RSASSASigner(attackerKey));
            assertRefused("/claims", token.serialize());
        }

        assertThat(jwks.received().size() - fetchesBefore).isLessThanOrEqualTo(1);
    }

    @Test
    void jkuToLocalhost_isNeverFetched() throws Exception {
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("attacker")
                        .jwkURL(URI.create(attackerJwks.url("/jwks.json")))
                        .x509CertURL(URI.create(attackerJwks.url("/cert.pem")))
                        .build(),
                claims().build());
        token.sign(new RSASSASigner(attackerKey));

        assertRefused("/claims", token.serialize());
        assertThat(attackerJwks.received()).isEmpty();
    }

    @Test
    void oneMegabyteToken_isRefusedBeforeTheBackend() {
        String huge = "a".repeat(1 << 20);

        HttpResponse<String> response = call("/claims", huge);

        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void signedTokenAboveTheSizeCap_isUnauthorized() throws Exception {
        // Under the HTTP header limit, above stateway.gateway.jwt.max-token-size (4KB in these tests).
        assertRefused("/claims", signed(c -> c.claim("padding", "p".repeat(4500))));
    }

    @Test
    void missingOrEmptyToken_isUnauthorized() {
        int before = backend.received().size();

        HttpResponse<String> missing = gateway.get("/jwt/claims");
        HttpResponse<String> empty = call("/claims", "Bearer ");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
        assertThat(empty.statusCode()).isEqualTo(401);
        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void scopes_tokenMustGrantOneOfTheMethods() throws Exception {
        assertRefused("/scoped", signed(c -> c));
        assertRefused("/scoped", signed(c -> c.claim("scope", "pets/write openid")));

        assertThat(call("/scoped", signed(c -> c.claim("scope", "openid pets/admin")))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokenAcceptedOnce_isStillCheckedForEachMethodsScopesAndEachAuthorizersAudience() throws Exception {
        String token = signed(c -> c.claim("scope", "openid"));

        assertThat(call("/claims", token).statusCode()).isEqualTo(200);
        assertThat(call("/claims", token).statusCode()).isEqualTo(200);
        assertRefused("/scoped", token);
        assertRefused("/pool", token);
        assertThat(call("/claims", token).statusCode()).isEqualTo(200);
    }

    @Test
    void cognitoStyleAuthorizer_acceptsAccessTokenOfItsAppClient() throws Exception {
        String access = signed(c -> c.audience((String) null).claim("client_id", "app-client-1"));
        String otherClient = signed(c -> c.audience((String) null).claim("client_id", "app-client-2"));

        assertThat(call("/pool", access).statusCode()).isEqualTo(200);
        assertRefused("/pool", otherClient);
        assertRefused("/pool", signed(c -> c));
    }

    private static void assertRefused(String path, String token) {
        int before = backend.received().size();

        HttpResponse<String> response = call(path, token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(backend.received()).hasSize(before);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("alice")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                change.apply(claims()).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static HttpResponse<String> call(String path, String authorization) {
        return gateway.send(gateway.request("/jwt" + path)
                .header("Authorization", authorization)
                .GET());
    }
}
