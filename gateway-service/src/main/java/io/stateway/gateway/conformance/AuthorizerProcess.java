package io.stateway.gateway.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * authorizer-service in a JVM of its own (its exec jar), for the conformance runner and the gateway's
 * tests: the gateway reads API keys and usage plans from it. It gets fresh random tokens and pepper, the
 * database and Redis given, and a free port; {@link #start} returns once it is ready.
 */
public final class AuthorizerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final AuthorizerEndpoint endpoint;
    private final Path log;

    private AuthorizerProcess(Process process, AuthorizerEndpoint endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /**
     * @param jar authorizer-service's exec jar
     * @param environment its settings as environment variables (datasource, Redis, schema, key prefix)
     */
    public static AuthorizerProcess start(Path jar, Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No authorizer-service jar at " + jar
                    + ": build it first (./mvnw -B -q -DskipTests package -pl authorizer-service -am)");
        }
        int port = freePort();
        AuthorizerEndpoint endpoint = new AuthorizerEndpoint("http://127.0.0.1:" + port, secret(), secret(), secret());
        try {
            Path log = Files.createTempFile("stateway-authorizer-", ".log");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-Xss512k");
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.putAll(environment);
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("STATEWAY_AUTHORIZER_ADMIN_TOKEN", endpoint.adminToken());
            env.put("STATEWAY_AUTHORIZER_INTERNAL_TOKEN", endpoint.internalToken());
            env.put("STATEWAY_AUTHORIZER_API_KEYS_PEPPER", endpoint.apiKeyPepper());
            env.put("SPRING_MAIN_BANNER_MODE", "off");
            AuthorizerProcess started = new AuthorizerProcess(builder.start(), endpoint, log);
            started.awaitReady(port);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start authorizer-service from " + jar, e);
        }
    }

    public AuthorizerEndpoint endpoint() {
        return endpoint;
    }

    private void awaitReady(int port) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "authorizer-service exited (code " + process.exitValue() + "): " + tail());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while authorizer-service started", e);
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        throw new IllegalStateException("authorizer-service was not ready within " + READY_TIMEOUT + ": " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
