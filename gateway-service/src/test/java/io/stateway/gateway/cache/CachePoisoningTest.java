package io.stateway.gateway.cache;

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
import io.stateway.gateway.conformance.AdminClient;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.TestBackend;
import io.stateway.gateway.testing.WithSharedGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R12, cache poisoning: on cached methods, request values that no cache key parameter names cannot put an
 * answer made for one client into the cache for others, and callers of authorised methods never get each
 * other's entries. The backend numbers its answers (a repeated number is a cache hit) and writes into them
 * the forwarding headers it saw, as frameworks that build absolute links from them do.
 */
@WithSharedGateway
class CachePoisoningTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STAGE = "poisoning";
    private static final String ISSUER = "https://issuer.stateway.test";
    private static final String EVIL = "evil.example";
    private static final List<String> REFLECTED =
            List.of("Host", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Original-URL", "X-Host");

    private static SharedGateway gateway;
    private static AdminClient admin;
    private static TestBackend backend;
    private static TestBackend jwks;
    private static RSAKey signingKey;
    private static String apiId;
    private static final AtomicInteger answers = new AtomicInteger();

    @BeforeAll
    static void deploy(SharedGateway shared) throws JOSEException {
        gateway = shared;
        admin = shared.admin();
        signingKey = new RSAKeyGenerator(2048).keyID("poisoning").generate();
        jwks = TestBackend.start();
        jwks.answer(request -> new TestBackend.Answer(
                200,
                Map.of("Content-Type", "application/json"),
                new JWKSet(signingKey).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8)));
        backend = TestBackend.start();
        backend.answer(CachePoisoningTest::answer);
        apiId = gateway.deploy(
                "cache-poisoning.yaml",
                STAGE,
                Map.of("backend", "http://" + backend.hostAndPort(), "jwks", jwks.url("/jwks.json")));
        admin.putStage(apiId, STAGE, Map.of("cache", Map.of("enabled", true, "ttlSeconds", 300)));
    }

    @AfterAll
    static void stop() {
        backend.close();
        jwks.close();
    }

    private static TestBackend.Answer answer(TestBackend.Received request) {
        int n = answers.incrementAndGet();
        Map<String, Object> body = new TreeMap<>();
        body.put("n", n);
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        switch (request.path()) {
            case "/private" -> headers.put("Cache-Control", "private, max-age=300");
            case "/no-store" -> headers.put("Cache-Control", "No-Store");
            default -> {
                for (String name : REFLECTED) {
                    if (request.header(name) != null) {
                        body.put(name, request.header(name));
                    }
                }
            }
        }
        return new TestBackend.Answer(200, headers, JSON.writeValueAsBytes(body));
    }

    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = gateway.request("/" + STAGE + path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = gateway.send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static int number(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("n").asInt();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Original-URL", "X-Host"})
    void unkeyedForwardingHeader_onProxyIntegration_getsItsOwnEntry_andNeverReachesOtherClients(String header) {
        String poisonedFirst = "/reflect/first-" + header;
        HttpResponse<String> attack = get(poisonedFirst, header, EVIL);
        HttpResponse<String> victim = get(poisonedFirst);

        // HTTP_PROXY forwards the client's headers, as on AWS: the attacker's own answer saw the header.
        assertThat(attack.body()).contains(EVIL);
        assertThat(victim.body()).doesNotContain(EVIL);
        assertThat(number(victim)).isNotEqualTo(number(attack));

        String cachedFirst = "/reflect/cached-" + header;
        HttpResponse<String> clean = get(cachedFirst);
        HttpResponse<String> later = get(cachedFirst, header, EVIL);
        HttpResponse<String> again = get(cachedFirst);

        assertThat(later.body()).contains(EVIL);
        assertThat(again.body()).isEqualTo(clean.body());
    }

    @Test
    void unkeyedForwardingHeader_repeatedWithTheSameValue_sharesItsEntry() {
        HttpResponse<String> first = get("/reflect/repeated", "X-Forwarded-Host", "api.example.com");
        HttpResponse<String> second = get("/reflect/repeated", "x-forwarded-host", "api.example.com");

        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void unmappedForwardingHeader_onHttpIntegration_neverReachesTheBackend() {
        HttpResponse<String> attack = get("/mapped", "X-Forwarded-Host", EVIL, "X-Original-URL", "/admin");
        HttpResponse<String> victim = get("/mapped");

        assertThat(backend.received())
                .filteredOn(request -> request.path().equals("/reflect/mapped"))
                .isNotEmpty()
                .allSatisfy(request -> {
                    assertThat(request.header("X-Forwarded-Host")).isNull();
                    assertThat(request.header("X-Original-URL")).isNull();
                });
        assertThat(attack.body()).doesNotContain(EVIL);
        assertThat(victim.body()).doesNotContain(EVIL);
    }

    @Test
    void hostHeader_seenByTheIntegration_isKeyed() {
        String attack = rawGet("/" + STAGE + "/domain", EVIL);
        HttpResponse<String> victim = get("/domain");

        assertThat(attack).contains("{\"domain\": \"" + EVIL + "\"}");
        assertThat(victim.body()).isEqualTo("{\"domain\": \"127.0.0.1:" + gateway.port() + "\"}");
    }

    /** A GET with a Host header of our choosing (the JDK client sets Host itself); answers the response as text. */
    private static String rawGet(String path, String host) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoApiKeys_onOneCachedGet_eachGetTheirOwnAnswer() {
        String planId = admin.createPlan(
                Map.of("name", "poisoning", "apiStages", List.of(Map.of("apiId", apiId, "stage", STAGE))));
        String alice = newKey(planId);
        String bob = newKey(planId);
        admin.awaitKeysServed();

        HttpResponse<String> first = get("/keyed", "x-api-key", keyValue(alice));
        HttpResponse<String> second = get("/keyed", "x-api-key", keyValue(bob));
        HttpResponse<String> firstAgain = get("/keyed", "x-api-key", keyValue(alice));

        assertThat(first.body()).isEqualTo("{\"key\": \"" + keyId(alice) + "\"}");
        assertThat(second.body()).isEqualTo("{\"key\": \"" + keyId(bob) + "\"}");
        assertThat(firstAgain.body()).isEqualTo(first.body());
    }

    /** A generated key in the plan, as {@code id value}. */
    private static String newKey(String planId) {
        HttpResponse<String> created = admin.sendToAuthorizer("POST", "/admin/v1/apikeys", "{\"name\": \"poisoning\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        admin.addKeyToPlan(planId, key.path("id").asString());
        return key.path("id").asString() + " " + key.path("value").asString();
    }

    private static String keyId(String key) {
        return key.substring(0, key.indexOf(' '));
    }

    private static String keyValue(String key) {
        return key.substring(key.indexOf(' ') + 1);
    }

    @Test
    void twoJwtSubjects_onOneCachedGet_eachGetTheirOwnAnswer() throws JOSEException {
        String alice = token("alice");
        String bob = token("bob");

        HttpResponse<String> first = get("/token", "Authorization", alice);
        HttpResponse<String> second = get("/token", "Authorization", bob);
        HttpResponse<String> firstAgain = get("/token", "Authorization", alice);

        assertThat(number(second)).isNotEqualTo(number(first));
        assertThat(firstAgain.body()).isEqualTo(first.body());
    }

    private static String token(String subject) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("poisoning").build(),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience("stateway-tests")
                        .subject(subject)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    @Test
    void twoSigV4AccessKeys_onOneCachedGet_eachGetTheirOwnAnswer_andFreshSignaturesOfOneKeyShareIt() {
        AccessKey alice = newAccessKey("alice");
        AccessKey bob = newAccessKey("bob");

        HttpResponse<String> first = gateway.send(signed(alice, Instant.now().minusSeconds(5)));
        HttpResponse<String> second = gateway.send(signed(bob, Instant.now()));
        HttpResponse<String> firstResigned = gateway.send(signed(alice, Instant.now()));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(number(second)).isNotEqualTo(number(first));
        assertThat(firstResigned.body()).isEqualTo(first.body());
    }

    private record AccessKey(String id, String secret) {}

    private static AccessKey newAccessKey(String name) {
        String arn = "arn:aws:execute-api:us-east-1:000000000000:" + apiId + "/" + STAGE;
        HttpResponse<String> created = admin.sendToAuthorizer(
                "POST",
                "/admin/v1/access-keys",
                JSON.writeValueAsString(Map.of(
                        "name",
                        name,
                        "policies",
                        List.of(Map.of(
                                "Version",
                                "2012-10-17",
                                "Statement",
                                List.of(Map.of(
                                        "Effect", "Allow",
                                        "Action", "execute-api:Invoke",
                                        "Resource", arn + "/GET/signed")))))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        return new AccessKey(
                key.path("accessKeyId").asString(), key.path("secretAccessKey").asString());
    }

    /** A GET of {@code /signed} signed by the AWS SDK's SigV4 signer at the given time. */
    private static HttpRequest.Builder signed(AccessKey key, Instant at) {
        URI uri = URI.create("http://127.0.0.1:" + gateway.port() + "/" + STAGE + "/signed");
        SdkHttpRequest request =
                SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        SignedRequest signedRequest = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(key.id(), key.secret()))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(""))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
        signedRequest.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder;
    }

    @Test
    void responsesMarkedPrivateOrNoStore_areNotStored() {
        HttpResponse<String> privateFirst = get("/private");
        HttpResponse<String> privateSecond = get("/private");
        HttpResponse<String> noStoreFirst = get("/no-store");
        HttpResponse<String> noStoreSecond = get("/no-store");

        assertThat(number(privateSecond)).isNotEqualTo(number(privateFirst));
        assertThat(number(noStoreSecond)).isNotEqualTo(number(noStoreFirst));
    }
}
