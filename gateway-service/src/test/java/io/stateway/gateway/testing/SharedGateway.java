package io.stateway.gateway.testing;

import io.stateway.gateway.conformance.AdminClient;
import io.stateway.gateway.conformance.AuthorizerEndpoint;
import io.stateway.gateway.conformance.AuthorizerProcess;
import io.stateway.gateway.conformance.EmbeddedGateway;
import io.stateway.gateway.conformance.FunctionHost;
import io.stateway.gateway.routing.RoutingTableHolder;
import io.stateway.testsupport.TestDatabase;
import io.stateway.testsupport.TestRedis;
import io.stateway.testsupport.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * One gateway for the integration tests of this JVM, on a real PostgreSQL database and Redis of its own
 * (test-support), with the authorizer-service it reads API keys from, a function host for Lambda-style functions and a programmable stand-in for the
 * orchestrator. Starting the application once keeps the module's test run short; test classes stay
 * independent because each imports its own APIs, under stage names no other class uses (so that requests
 * can name their API by stage, {@code /<stage>/...}).
 */
public final class SharedGateway {

    private static SharedGateway instance;

    private final EmbeddedGateway gateway;
    private final FunctionHost functions;
    private final TestBackend orchestrator;
    private final TestRedis redis;
    private final Map<String, Object> settings;
    private final AuthorizerEndpoint authorizer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private SharedGateway(
            EmbeddedGateway gateway,
            FunctionHost functions,
            TestBackend orchestrator,
            TestRedis redis,
            Map<String, Object> settings,
            AuthorizerEndpoint authorizer) {
        this.gateway = gateway;
        this.functions = functions;
        this.orchestrator = orchestrator;
        this.redis = redis;
        this.settings = Map.copyOf(settings);
        this.authorizer = authorizer;
    }

    public static synchronized SharedGateway get() {
        if (instance == null) {
            TestDatabase database = TestServers.databaseFor(SharedGateway.class);
            TestRedis redis = TestServers.redisFor(SharedGateway.class);
            FunctionHost functions = FunctionHost.start();
            TestBackend orchestrator = TestBackend.start();
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("spring.datasource.url", database.jdbcUrl());
            settings.put("spring.datasource.username", database.username());
            settings.put("spring.datasource.password", database.password());
            settings.put("spring.data.redis.url", redis.url());
            settings.put("stateway.gateway.redis.key-prefix", redis.keyPrefix());
            settings.put("stateway.gateway.functions.url-template", functions.urlTemplate());
            settings.put("stateway.gateway.orchestrator.url", orchestrator.url("/"));
            settings.put("stateway.gateway.integrations.circuit-breaker.minimum-calls", 4);
            settings.put("stateway.gateway.integrations.circuit-breaker.sliding-window-size", 4);
            settings.put("stateway.gateway.integrations.circuit-breaker.wait-in-open-state", "60s");
            settings.put("stateway.gateway.integrations.connect-timeout", "2s");
            // The tests' backends listen on loopback, which integrations may not reach by default.
            settings.put("stateway.gateway.integrations.allowed-networks", "127.0.0.0/8,::1/128");
            // A busy CI machine can hold a reply longer than the default; the limiter's own tests set it.
            settings.put("stateway.gateway.throttling.command-timeout", "2s");
            // Small enough to test the cap with a token that passes the HTTP header size limit.
            settings.put("stateway.gateway.jwt.max-token-size", "4KB");
            AuthorizerProcess authorizer = TestAuthorizer.start(database, redis);
            SharedGateway shared = new SharedGateway(
                    EmbeddedGateway.start(settings, authorizer.endpoint()),
                    functions,
                    orchestrator,
                    redis,
                    settings,
                    authorizer.endpoint());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.gateway.close();
                functions.close();
                orchestrator.close();
                authorizer.close();
            }));
            instance = shared;
        }
        return instance;
    }

    /**
     * Another replica of this gateway: its own application context, the same database and Redis. It serves
     * the same catalog once its routing table caught up ({@link #awaitCaughtUp}). Replicas are closed when
     * the JVM exits, or earlier by the caller: a replica's event loops are its own ({@link OwnNettyResources}),
     * so closing it leaves this gateway serving.
     */
    public EmbeddedGateway startReplica() {
        return startReplica(Map.of());
    }

    /** A replica with some settings of its own. */
    public EmbeddedGateway startReplica(Map<String, Object> own) {
        Map<String, Object> replicaSettings = new LinkedHashMap<>(settings);
        replicaSettings.putAll(own);
        EmbeddedGateway replica = EmbeddedGateway.start(replicaSettings, authorizer, OwnNettyResources.class);
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        return replica;
    }

    /** Waits until a replica serves the catalog revision this gateway serves. */
    public void awaitCaughtUp(EmbeddedGateway replica) {
        long revision = bean(RoutingTableHolder.class).current().revision();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> replica.bean(RoutingTableHolder.class).current().revision() >= revision);
    }

    public AdminClient admin() {
        return gateway.admin();
    }

    public FunctionHost functions() {
        return functions;
    }

    public TestBackend orchestrator() {
        return orchestrator;
    }

    public TestRedis redis() {
        return redis;
    }

    public <T> T bean(Class<T> type) {
        return gateway.bean(type);
    }

    public int port() {
        return gateway.dataPlanePort();
    }

    /** A fixture document from {@code src/test/resources/apis/}, with {@code {{name}}} placeholders filled in. */
    public static String fixture(String name, Map<String, String> substitutions) {
        try (InputStream in = SharedGateway.class.getResourceAsStream("/apis/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture apis/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> substitution : substitutions.entrySet()) {
                text = text.replace("{{" + substitution.getKey() + "}}", substitution.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a fixture and deploys it to a stage; returns the API's id. */
    public String deploy(String fixture, String stage, Map<String, String> substitutions) {
        return admin().importApi(fixture(fixture, substitutions), "REGIONAL", stage);
    }

    /** A request to the data plane. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
