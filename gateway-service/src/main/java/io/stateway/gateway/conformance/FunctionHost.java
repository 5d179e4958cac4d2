package io.stateway.gateway.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Local stand-ins for Lambda functions, reached over HTTP as the gateway reaches functions: a POST of the
 * event to {@code /functions/<name>}; the answer follows the Lambda Invoke contract (the result as the
 * body, {@code X-Amz-Function-Error: Unhandled} with {@code {errorMessage, errorType, requestId,
 * stackTrace}} for an error, 202 and no body for {@code X-Amz-Invocation-Type: Event}).
 */
public final class FunctionHost implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "function-host");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Function> functions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

    private FunctionHost(HttpServer server) {
        this.server = server;
    }

    public static FunctionHost start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FunctionHost host = new FunctionHost(server);
            server.createContext("/functions/", host::handle);
            server.setExecutor(host.workers);
            server.start();
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the function host", e);
        }
    }

    /** The {@code stateway.gateway.functions.url-template} that reaches functions by name here. */
    public String urlTemplate() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/functions/{name}";
    }

    public void register(String name, Function function) {
        functions.put(name, function);
    }

    public void unregister(String name) {
        functions.remove(name);
    }

    /** How many times the function was invoked (asynchronous calls included). */
    public int invocations(String name) {
        return invocations.getOrDefault(name, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/functions/".length());
            Function function = functions.get(name);
            byte[] payload = exchange.getRequestBody().readAllBytes();
            if (function == null) {
                respond(
                        exchange,
                        404,
                        Map.of("Content-Type", "application/json"),
                        JSON.writeValueAsBytes(Map.of("Type", "User", "message", "Function not found: " + name)));
                return;
            }
            invocations.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            JsonNode event;
            try {
                event = JSON.readTree(payload.length == 0 ? "{}".getBytes() : payload);
            } catch (JacksonException e) {
                respond(
                        exchange,
                        400,
                        Map.of("Content-Type", "application/json"),
                        JSON.writeValueAsBytes(
                                Map.of("Type", "User", "message", "Could not parse request body into json")));
                return;
            }
            String requestId = UUID.randomUUID().toString();
            if ("Event".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))) {
                workers.execute(() -> function.invoke(event));
                respond(exchange, 202, Map.of("x-amzn-RequestId", requestId), new byte[0]);
                return;
            }
            switch (function.invoke(event)) {
                case Outcome.Returned returned ->
                    respond(
                            exchange,
                            200,
                            Map.of("Content-Type", "application/json", "x-amzn-RequestId", requestId),
                            JSON.writeValueAsBytes(returned.value()));
                case Outcome.Raised raised -> {
                    ObjectNode error = JSON.createObjectNode();
                    error.put("errorMessage", raised.errorMessage());
                    error.put("errorType", raised.errorType());
                    error.put("requestId", requestId);
                    error.set("stackTrace", raised.stackTrace());
                    respond(
                            exchange,
                            200,
                            Map.of(
                                    "Content-Type",
                                    "application/json",
                                    "x-amzn-RequestId",
                                    requestId,
                                    "X-Amz-Function-Error",
                                    "Unhandled"),
                            JSON.writeValueAsBytes(error));
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /** A local function: the event in, an outcome out. */
    @FunctionalInterface
    public interface Function {
        Outcome invoke(JsonNode event);
    }

    /** What a function did. */
    public sealed interface Outcome {
        /** It returned a value. */
        record Returned(JsonNode value) implements Outcome {}

        /** It raised an error (Lambda: an unhandled error). */
        record Raised(String errorMessage, String errorType, JsonNode stackTrace) implements Outcome {}
    }
}
