package io.stateway.authorizer.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.authorizer.testing.AdminHttp;
import io.stateway.model.sigv4.SigV4Canonical;
import io.stateway.model.sigv4.SigV4Check;
import io.stateway.testsupport.SpringTestServers;
import io.stateway.testsupport.TestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.JsonNode;

/**
 * IAM-style access keys end to end: created over the admin API (secret shown once, sealed at rest),
 * requests signed by the AWS SDK's SigV4 signer checked by {@code /internal/v1/sigv4/verify} against
 * the key's policies; tampered requests, other scopes and clock skew beyond 15 minutes are refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@SpringTestServers
class AccessKeysSigV4Test {

    private static final String API = "arn:aws:execute-api:us-east-1:000000000000:api1";
    private static final String URL = "http://api1.execute-api.localhost:8080/prod/pets/7?b=2&a=1";

    @LocalServerPort
    int port;

    AdminHttp admin;
    AdminHttp internal;
    String accessKeyId;
    String secret;

    @BeforeEach
    void accessKey() {
        admin = new AdminHttp(port, "test-admin-token-of-the-authorizer");
        internal = new AdminHttp(port, "test-internal-token-of-at-least-32-characters");
        JsonNode created = admin.ok("POST", "/admin/v1/access-keys", """
                {"name": "ci-bot", "policies": [{"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "%1$s/prod/GET/*"},
                  {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "%1$s/prod/GET/admin/*"}]}]}""".formatted(API));
        accessKeyId = created.path("accessKeyId").asString();
        secret = created.path("secretAccessKey").asString();
    }

    @Test
    void create_showsTheSecretOnce_andStoresItOnlySealed(TestDatabase database) throws Exception {
        assertThat(accessKeyId).matches("AKIA[A-Z2-7]{16}");
        assertThat(secret).hasSize(40);
        JsonNode read = admin.ok("GET", "/admin/v1/access-keys/" + accessKeyId, null);
        assertThat(read.has("secretAccessKey")).isFalse();
        assertThat(read.path("policies").get(0).path("Statement").size()).isEqualTo(2);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT access_key::text AS everything, secret_ciphertext"
                        + " FROM authorizer.access_key WHERE id = '" + accessKeyId + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("everything")).doesNotContain(secret);
            assertThat(new String(row.getBytes("secret_ciphertext"), StandardCharsets.ISO_8859_1))
                    .doesNotContain(secret);
        }
    }

    @Test
    void sdkSignedRequest_onAnAllowedMethod_isAllowedWithTheKeysPrincipal() {
        JsonNode result = check(sign(SdkHttpMethod.GET, URL, "", Instant.now()), API + "/prod/GET/pets/7");

        assertThat(result.path("allowed").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("principalId").asString()).isEqualTo("ci-bot");
        assertThat(result.path("accessKeyId").asString()).isEqualTo(accessKeyId);
    }

    @Test
    void sdkSignedPostWithABody_isAllowed_andATamperedBodyIsNot() {
        Signed signed = sign(SdkHttpMethod.POST, URL, "{\"name\":\"rex\"}", Instant.now());

        assertThat(check(signed, API + "/prod/POST/pets/7").path("allowed").asBoolean())
                .isFalse();
        admin.ok("PATCH", "/admin/v1/access-keys/" + accessKeyId, """
                {"policies": [{"Version": "2012-10-17", "Statement":
                  {"Effect": "Allow", "Action": "execute-api:*", "Resource": "%s/*"}}]}""".formatted(API));
        assertThat(check(signed, API + "/prod/POST/pets/7").path("allowed").asBoolean())
                .isTrue();
        JsonNode tampered = check(signed.withBody("{\"name\":\"max\"}"), API + "/prod/POST/pets/7");
        assertThat(tampered.path("allowed").asBoolean()).isFalse();
        assertThat(tampered.path("errorType").asString()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void policy_denyWins_andUnlistedMethodsAreDenied() {
        JsonNode denied = check(sign(SdkHttpMethod.GET, URL, "", Instant.now()), API + "/prod/GET/admin/users");
        JsonNode unlisted = check(sign(SdkHttpMethod.GET, URL, "", Instant.now()), API + "/prod/DELETE/pets/7");

        assertThat(denied.path("allowed").asBoolean()).isFalse();
        assertThat(denied.path("errorType").asString()).isEqualTo("AccessDeniedException");
        assertThat(denied.path("reason").asString()).contains("explicit deny");
        assertThat(unlisted.path("allowed").asBoolean()).isFalse();
        assertThat(unlisted.path("principalId").asString()).isEqualTo("ci-bot");
    }

    @Test
    void tamperedPathQueryOrHost_areInvalidSignatures() {
        Signed signed = sign(SdkHttpMethod.GET, URL, "", Instant.now());
        String arn = API + "/prod/GET/pets/7";

        assertInvalid(check(signed.with("/prod/pets/8", signed.query, signed.headers), arn));
        assertInvalid(check(signed.with(signed.path, "b=2&a=2", signed.headers), arn));
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers);
        headers.put("Host", List.of("other.execute-api.localhost:8080"));
        assertInvalid(check(signed.with(signed.path, signed.query, headers), arn));
    }

    @Test
    void clockSkew_14MinutesIsAccepted_16MinutesIsExpired() {
        String arn = API + "/prod/GET/pets/7";

        assertThat(check(sign(SdkHttpMethod.GET, URL, "", Instant.now().minus(Duration.ofMinutes(14))), arn)
                        .path("allowed")
                        .asBoolean())
                .isTrue();
        assertThat(check(sign(SdkHttpMethod.GET, URL, "", Instant.now().plus(Duration.ofMinutes(14))), arn)
                        .path("allowed")
                        .asBoolean())
                .isTrue();
        JsonNode late = check(sign(SdkHttpMethod.GET, URL, "", Instant.now().minus(Duration.ofMinutes(16))), arn);
        assertInvalid(late);
        assertThat(late.path("reason").asString()).startsWith("Signature expired");
        assertInvalid(check(sign(SdkHttpMethod.GET, URL, "", Instant.now().plus(Duration.ofMinutes(16))), arn));
    }

    @Test
    void otherRegionOrService_wrongSecret_andDisabledKeys_areRefused() {
        String arn = API + "/prod/GET/pets/7";
        assertInvalid(check(sign(SdkHttpMethod.GET, URL, "", Instant.now(), "eu-west-1", "execute-api", secret), arn));
        assertInvalid(check(sign(SdkHttpMethod.GET, URL, "", Instant.now(), "us-east-1", "states", secret), arn));
        assertInvalid(
                check(sign(SdkHttpMethod.GET, URL, "", Instant.now(), "us-east-1", "execute-api", "x" + secret), arn));

        admin.ok("PATCH", "/admin/v1/access-keys/" + accessKeyId, "{\"enabled\": false}");

        assertThat(check(sign(SdkHttpMethod.GET, URL, "", Instant.now()), arn)
                        .path("errorType")
                        .asString())
                .isEqualTo("UnrecognizedClientException");
    }

    @Test
    void unsignedRequest_isMissingAuthenticationToken_andTheEndpointNeedsTheInternalToken() {
        SigV4Check unsigned = new SigV4Check(
                "GET",
                "/prod/pets",
                null,
                Map.of("Host", List.of("h")),
                SigV4Canonical.payloadHash(new byte[0]),
                null,
                null,
                API + "/prod/GET/pets");
        String body = AdminHttp.JSON.writeValueAsString(unsigned);

        assertThat(internal.ok("POST", "/internal/v1/sigv4/verify", body)
                        .path("errorType")
                        .asString())
                .isEqualTo("MissingAuthenticationTokenException");
        assertThat(admin.send("POST", "/internal/v1/sigv4/verify", body).statusCode())
                .isEqualTo(401);
        assertThat(internal.send("POST", "/internal/v1/sigv4/verify", "{\"method\": \"GET\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    private JsonNode check(Signed signed, String resourceArn) {
        SigV4Check check = new SigV4Check(
                signed.method,
                signed.path,
                signed.query,
                signed.headers,
                SigV4Canonical.payloadHash(signed.body.getBytes(StandardCharsets.UTF_8)),
                null,
                null,
                resourceArn);
        return internal.ok("POST", "/internal/v1/sigv4/verify", AdminHttp.JSON.writeValueAsString(check));
    }

    private static void assertInvalid(JsonNode result) {
        assertThat(result.path("allowed").asBoolean()).isFalse();
        assertThat(result.path("errorType").asString()).as(result.toString()).isEqualTo("InvalidSignatureException");
    }

    private Signed sign(SdkHttpMethod method, String url, String body, Instant at) {
        return sign(method, url, body, at, "us-east-1", "execute-api", secret);
    }

    /** Signs a request with the AWS SDK's own SigV4 signer, as an SDK client calling execute-api would. */
    private Signed sign(
            SdkHttpMethod method, String url, String body, Instant at, String region, String service, String key) {
        URI uri = URI.create(url);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(method)
                .uri(uri)
                .putHeader("Content-Type", "application/json")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(accessKeyId, key))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.request().forEachHeader(headers::put);
        headers.put("Host", List.of(uri.getAuthority()));
        return new Signed(method.name(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    }

    private record Signed(String method, String path, String query, Map<String, List<String>> headers, String body) {
        Signed withBody(String other) {
            return new Signed(method, path, query, headers, other);
        }

        Signed with(String otherPath, String otherQuery, Map<String, List<String>> otherHeaders) {
            return new Signed(method, otherPath, otherQuery, otherHeaders, body);
        }
    }
}
