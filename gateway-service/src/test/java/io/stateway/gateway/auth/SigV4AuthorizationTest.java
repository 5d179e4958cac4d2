package io.stateway.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stateway.gateway.conformance.EmbeddedGateway;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.TestBackend;
import io.stateway.gateway.testing.WithSharedGateway;
import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.TestRedis;
import io.stateway.testsupport.TestServers;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R12, SigV4: requests signed by the AWS SDK's own signer ({@code AwsV4HttpSigner}) against a gateway replica
 * that asks a real authorizer-service (its exec jar, in its own JVM) to check them. Tampered requests, clock
 * skew, unknown keys and policies that do not allow the method are 403, never 500, never reach the backend.
 */
@WithSharedGateway
class SigV4AuthorizationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INTERNAL_TOKEN = "sigv4-test-internal-token-of-at-least-32-characters";
    private static final String ADMIN_TOKEN = "sigv4-test-admin-token";
    private static final String STAGE = "sigv4";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static SharedGateway gateway;
    private static Process authorizer;
    private static EmbeddedGateway replica;
    private static TestBackend backend;
    private static String accessKeyId;
    private static String secret;

    @BeforeAll
    static void start(SharedGateway shared) throws Exception {
        gateway = shared;
        backend = TestBackend.start();
        int port = freePort();
        authorizer = startAuthorizer(port);
        String apiId = gateway.deploy("sigv4.yaml", STAGE, Map.of("backend", "http://" + backend.hostAndPort()));
        replica = gateway.startReplica(Map.of(
                "stateway.gateway.authorizer.url",
                "http://127.0.0.1:" + port + "/",
                "stateway.gateway.authorizer.internal-token",
                INTERNAL_TOKEN));
        gateway.awaitCaughtUp(replica);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    if (!authorizer.isAlive()) {
                        throw new IllegalStateException("authorizer-service exited: see " + logFile(port));
                    }
                    return ready(port);
                });
        String arn = "arn:aws:execute-api:us-east-1:000000000000:" + apiId + "/" + STAGE;
        JsonNode key = JSON.readTree(send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/admin/v1/access-keys"))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                "name",
                                "signer",
                                "policies",
                                List.of(Map.of(
                                        "Version",
                                        "2012-10-17",
                                        "Statement",
                                        List.of(Map.of(
                                                "Effect", "Allow",
                                                "Action", "execute-api:Invoke",
                                                "Resource", arn + "/*/signed")))))))))
                .body());
        accessKeyId = key.path("accessKeyId").asString();
        secret = key.path("secretAccessKey").asString();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (replica != null) {
            replica.close();
        }
        if (authorizer != null) {
            authorizer.destroy();
            authorizer.waitFor();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void signedBySdk_isAllowed() {
        HttpResponse<String> response = send(signed("GET", "/signed", null, "", Instant.now(), secret));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"signed\": true}");
    }

    @Test
    void signedPostWithBody_reachesBackend_tamperedBodyDoesNot() {
        int before = backend.received().size();

        HttpResponse<String> ok = send(signed("POST", "/signed", null, "{\"name\":\"rex\"}", Instant.now(), secret));
        HttpRequest.Builder tampered = signed("POST", "/signed", null, "{\"name\":\"rex\"}", Instant.now(), secret)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"evil\"}"));
        HttpResponse<String> refused = send(tampered);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
        assertThat(backend.received()).hasSize(before + 1);
    }

    @Test
    void tamperedPathOrQuery_isInvalidSignature() {
        HttpRequest.Builder otherQuery = signed("GET", "/signed", "a=1", "", Instant.now(), secret)
                .uri(URI.create("http://127.0.0.1:" + replica.dataPlanePort() + "/" + STAGE + "/signed?a=2"));
        HttpRequest.Builder otherPath = signed("GET", "/signed", null, "", Instant.now(), secret)
                .uri(URI.create("http://127.0.0.1:" + replica.dataPlanePort() + "/" + STAGE + "/denied"));

        assertThat(send(otherQuery).statusCode()).isEqualTo(403);
        assertThat(send(otherPath).statusCode()).isEqualTo(403);
    }

    @Test
    void tamperedSignedHeader_isInvalidSignature() {
        HttpRequest.Builder request = signed("GET", "/signed", null, "", Instant.now(), secret, "signed-value");

        assertThat(send(request).statusCode()).isEqualTo(200);
        assertThat(send(signed("GET", "/signed", null, "", Instant.now(), secret, "signed-value")
                                .setHeader("X-Custom", "other-value"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void clockSkew_within15MinutesAllowed_beyondRefused() {
        assertThat(send(signed("GET", "/signed", null, "", Instant.now().minus(Duration.ofMinutes(14)), secret))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(signed("GET", "/signed", null, "", Instant.now().minus(Duration.ofMinutes(16)), secret))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(signed("GET", "/signed", null, "", Instant.now().plus(Duration.ofMinutes(16)), secret))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void wrongSecret_isRefused() {
        HttpResponse<String> response = send(signed("GET", "/signed", null, "", Instant.now(), "x" + secret));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("signature");
    }

    @Test
    void policyWithoutTheMethod_isAccessDenied() {
        HttpResponse<String> response = send(signed("GET", "/denied", null, "", Instant.now(), secret));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(response.body()).contains("is not authorized to perform: execute-api:Invoke");
    }

    @Test
    void unsigned_isMissingAuthenticationToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + replica.dataPlanePort() + "/" + STAGE + "/signed"))
                .GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void gatewayWithoutInternalToken_failsClosed() {
        try (EmbeddedGateway tokenless =
                gateway.startReplica(Map.of("stateway.gateway.authorizer.internal-token", ""))) {
            gateway.awaitCaughtUp(tokenless);
            HttpResponse<String> response = send(signed("GET", "/signed", null, "", Instant.now(), secret)
                    .uri(URI.create("http://127.0.0.1:" + tokenless.dataPlanePort() + "/" + STAGE + "/signed")));

            assertThat(response.statusCode()).isEqualTo(500);
        }
    }

    /** A request to the replica signed by the AWS SDK's SigV4 signer, as an SDK client calling execute-api. */
    private static HttpRequest.Builder signed(
            String method, String path, String query, String body, Instant at, String key) {
        return signed(method, path, query, body, at, key, null);
    }

    /** @param custom the value of a signed {@code X-Custom} header, or null for none */
    private static HttpRequest.Builder signed(
            String method, String path, String query, String body, Instant at, String key, String custom) {
        URI uri = URI.create("http://127.0.0.1:" + replica.dataPlanePort() + "/" + STAGE + path
                + (query == null ? "" : "?" + query));
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(uri)
                .putHeader("Content-Type", "application/json")
                .applyMutation(r -> {
                    if (custom != null) {
                        r.putHeader("X-Custom", custom);
                    }
                })
                .build();
        SignedRequest signedRequest = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(accessKeyId, key))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signedRequest.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The authorizer-service as users run it: its exec jar in a JVM of its own, on this class's database. */
    private static Process startAuthorizer(int port) throws IOException {
        Path target = Path.of("..", "authorizer-service", "target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("authorizer-service-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException(
                    "authorizer-service's exec jar is not built: run the tests with -am (mvn -pl gateway-service -am)",
                    e);
        }
        TestDatabase database = TestServers.databaseFor(SigV4AuthorizationTest.class);
        TestRedis redis = TestServers.redisFor(SigV4AuthorizationTest.class);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.data.redis.url=" + redis.url(),
                "--stateway.authorizer.admin.token=" + ADMIN_TOKEN,
                "--stateway.authorizer.internal.token=" + INTERNAL_TOKEN,
                "--stateway.authorizer.api-keys.pepper=sigv4-test-pepper-of-at-least-32-characters-long",
                "--stateway.authorizer.credentials.master-key=AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile(port))
                .start();
    }

    private static File logFile(int port) {
        return new File(System.getProperty("java.io.tmpdir"), "stateway-sigv4-test-authorizer-" + port + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
