package io.stateway.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.gateway.conformance.EmbeddedGateway;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.TestBackend;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SSRF guard (RELIABILITY.md §3.7): integrations an API defines may not reach the gateway's own host or
 * the networks behind it unless allow-listed. A replica with the default settings (no allow-list) serves the
 * same API as the shared gateway, which allows loopback (as every test's backends listen there); the
 * backends listen on 127.0.0.1 and ::1, so a call the guard let through would reach them.
 */
@WithSharedGateway
class SsrfGuardTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static SharedGateway gateway;
    private static EmbeddedGateway secure;
    private static TestBackend backend;
    private static TestBackend backendOnIpv6;
    private static String apiId;

    @BeforeAll
    static void deploy(SharedGateway shared) throws UnknownHostException {
        gateway = shared;
        backend = TestBackend.start();
        backendOnIpv6 = TestBackend.start(InetAddress.getByName("::1"));
        int port = Integer.parseInt(backend.hostAndPort().replaceAll(".*:", ""));
        int ipv6Port = Integer.parseInt(backendOnIpv6.hostAndPort().replaceAll(".*:", ""));
        apiId = gateway.deploy("ssrf.yaml", "ssrf-plain", Map.of());
        Map<String, String> targets = Map.of(
                "ssrf-plain", "127.0.0.1:" + port,
                "ssrf-localhost", "localhost:" + port,
                "ssrf-decimal", "2130706433:" + port,
                "ssrf-hex", "0x7f000001:" + port,
                "ssrf-ipv6", "[::1]:" + ipv6Port,
                "ssrf-mapped", "[::ffff:127.0.0.1]:" + port,
                "ssrf-metadata", "169.254.169.254",
                "ssrf-private", "10.0.0.1:" + port);
        targets.forEach((stage, target) ->
                gateway.admin().putStage(apiId, stage, Map.of("variables", Map.of("target", target))));
        secure = gateway.startReplica(Map.of("stateway.gateway.integrations.allowed-networks", ""));
        gateway.awaitCaughtUp(secure);
    }

    @AfterAll
    static void stop() {
        secure.close();
        backend.close();
        backendOnIpv6.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ssrf-plain",
                "ssrf-localhost",
                "ssrf-decimal",
                "ssrf-hex",
                "ssrf-ipv6",
                "ssrf-mapped",
                "ssrf-metadata",
                "ssrf-private"
            })
    void httpProxy_toBlockedAddress_withoutAllowList_isRefusedAsIntegrationFailure_andBackendGetsNothing(String stage)
            throws Exception {
        int before = backend.received().size() + backendOnIpv6.received().size();

        HttpResponse<String> response = send(secure.dataPlanePort(), "GET", "/" + stage + "/proxy");

        assertIntegrationFailure(response);
        assertThat(backend.received().size() + backendOnIpv6.received().size()).isEqualTo(before);
    }

    @Test
    void httpAndAwsProxyToUrl_toLoopback_withoutAllowList_areRefused_andBackendGetsNothing() throws Exception {
        int before = backend.received().size();

        assertIntegrationFailure(send(secure.dataPlanePort(), "GET", "/ssrf-plain/http"));
        assertIntegrationFailure(send(secure.dataPlanePort(), "POST", "/ssrf-plain/function"));
        assertIntegrationFailure(send(secure.dataPlanePort(), "GET", "/ssrf-localhost/http"));

        assertThat(backend.received()).hasSize(before);
    }

    @Test
    void integrations_toLoopback_withLoopbackAllowListed_reachTheBackend() throws Exception {
        backend.answer(
                request -> new TestBackend.Answer(200, Map.of("Content-Type", "application/json"), "{}".getBytes()));
        int before = backend.received().size();
        int beforeOnIpv6 = backendOnIpv6.received().size();

        HttpResponse<String> proxied = send(gateway.port(), "GET", "/ssrf-localhost/proxy");
        HttpResponse<String> mapped = send(gateway.port(), "GET", "/ssrf-plain/http");
        HttpResponse<String> viaIpv6 = send(gateway.port(), "GET", "/ssrf-ipv6/proxy");

        assertThat(List.of(proxied.statusCode(), mapped.statusCode(), viaIpv6.statusCode()))
                .containsOnly(200);
        assertThat(backend.received()).hasSize(before + 2);
        assertThat(backendOnIpv6.received()).hasSize(beforeOnIpv6 + 1);
    }

    @Test
    void redirect_fromAllowedBackend_toMetadataAddress_isPassedToTheClient_notFollowed() throws Exception {
        TestBackend redirecting = TestBackend.start();
        try {
            redirecting.answer(request -> new TestBackend.Answer(
                    302, Map.of("Location", "http://169.254.169.254/latest/meta-data/"), new byte[0]));
            gateway.admin()
                    .putStage(apiId, "ssrf-redirect", Map.of("variables", Map.of("target", redirecting.hostAndPort())));

            HttpResponse<String> response = send(gateway.port(), "GET", "/ssrf-redirect/proxy");

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValue("http://169.254.169.254/latest/meta-data/");
            assertThat(redirecting.received()).hasSize(1);
        } finally {
            redirecting.close();
        }
    }

    @Test
    void blockedAddresses_refuseEveryInternalRange_andLetPublicAndAllowListedAddressesPass() throws Exception {
        BlockedAddresses defaults = new BlockedAddresses(List.of());
        for (String internal : List.of(
                "127.0.0.1",
                "127.255.0.9",
                "0.0.0.0",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.254",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1")) {
            assertThat(defaults.reason(InetAddress.getByName(internal)))
                    .as(internal)
                    .isPresent();
        }
        for (String external : List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888")) {
            assertThat(defaults.reason(InetAddress.getByName(external)))
                    .as(external)
                    .isEmpty();
        }
        BlockedAddresses allowing = new BlockedAddresses(List.of("127.0.0.0/8", "::1/128", "10.1.0.0/16"));
        assertThat(allowing.reason(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(allowing.reason(InetAddress.getByName("::ffff:127.0.0.1"))).isEmpty();
        assertThat(allowing.reason(InetAddress.getByName("::1"))).isEmpty();
        assertThat(allowing.reason(InetAddress.getByName("10.1.9.9"))).isEmpty();
        assertThat(allowing.reason(InetAddress.getByName("10.2.0.1"))).contains("private");
        assertThat(allowing.reason(InetAddress.getByName("169.254.169.254"))).contains("link-local");
    }

    private static void assertIntegrationFailure(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(response.body()).path("message").asString()).isEqualTo("Internal server error");
    }

    private static HttpResponse<String> send(int port, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        method.equals("POST")
                                ? HttpRequest.BodyPublishers.ofString("{}")
                                : HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
