package io.stateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docker/healthcheck.sh, the image's HEALTHCHECK, run against an HTTP server standing in for a service. */
class HealthcheckScriptTest {

    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            byte[] body =
                    ("{\"status\":\"" + (status.get() == 200 ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void healthcheck_readinessUp_healthy() throws Exception {
        assertThat(run(server.getAddress().getPort())).isZero();
        assertThat(paths).containsExactly("/actuator/health/readiness");
    }

    @Test
    void healthcheck_readinessDown_unhealthy() throws Exception {
        status.set(503);

        assertThat(run(server.getAddress().getPort())).isNotZero();
    }

    @Test
    void healthcheck_nothingListening_unhealthy() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThat(run(port)).isNotZero();
    }

    private static int run(int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", Repository.path("docker/healthcheck.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
