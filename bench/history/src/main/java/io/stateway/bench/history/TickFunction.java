package io.stateway.bench.history;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tick} function of the ticker workload, over HTTP as the orchestrator calls functions:
 * it takes a little while (as real work does) and counts {@code remaining} down.
 */
final class TickFunction implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Duration work;

    TickFunction(Duration work) throws IOException {
        this.work = work;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/tick", this::tick);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void tick(HttpExchange exchange) throws IOException {
        JsonNode event = JSON.readTree(exchange.getRequestBody().readAllBytes());
        LockSupport.parkNanos(work.toNanos());
        byte[] response = JSON.writeValueAsBytes(
                JSON.createObjectNode().put("remaining", event.path("remaining").asInt() - 1));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, response.length);
        exchange.getResponseBody().write(response);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
