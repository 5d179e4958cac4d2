package io.stateway.gateway.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A real HTTP backend for tests: records every request it receives and answers with what the test
 * programmed (by default 200 with the request body).
 */
public final class TestBackend implements AutoCloseable {

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile Handler handler =
            request -> new Answer(200, Map.of("Content-Type", "application/json"), request.body());

    private TestBackend(HttpServer server) {
        this.server = server;
    }

    public static TestBackend start() {
        return start(InetAddress.getLoopbackAddress());
    }

    /** A backend listening on one address (e.g. {@code ::1}). */
    public static TestBackend start(InetAddress address) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
            TestBackend backend = new TestBackend(server);
            server.createContext("/", backend::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "test-backend");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://" + hostAndPort() + path;
    }

    public String hostAndPort() {
        InetAddress address = server.getAddress().getAddress();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return host + ":" + server.getAddress().getPort();
    }

    public void answer(Handler answer) {
        this.handler = answer;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received().getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Received request = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            received.add(request);
            Answer answer = handler.answer(request);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A request the backend received; header names as the JDK server normalises them. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return String.join(",", header.getValue());
                }
            }
            return null;
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** What the backend answers. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {}

    /** Programs the answers. */
    @FunctionalInterface
    public interface Handler {
        Answer answer(Received request) throws IOException;
    }
}
