package io.stateway.bench.durable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Lambda-compatible function workload (b) calls: a loopback HTTP endpoint that reads the event
 * and approves it at once, so that a Task costs the orchestrator its own work (lease, call, result
 * under the fence) and not the function's.
 */
final class FunctionStub implements AutoCloseable {

    static final String NAME = "bench-stub";

    private static final byte[] ANSWER = "{\"approved\":true,\"price\":42.5}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicLong calls = new AtomicLong();

    FunctionStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/" + NAME, this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + NAME);
    }

    long calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            calls.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
