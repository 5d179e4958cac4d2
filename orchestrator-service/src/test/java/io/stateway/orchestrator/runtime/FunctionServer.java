package io.stateway.orchestrator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.integration.lambda.FunctionEndpoints;
import io.stateway.orchestrator.integration.lambda.HttpFunctionInvoker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Lambda-compatible functions served over real HTTP on a free loopback port, for tests: each
 * answers the POSTed event through a Java function and records the calls it received.
 */
public final class FunctionServer implements AutoCloseable, FunctionEndpoints {

    /** A recorded invocation: the event and the idempotency key it carried. */
    public record Call(String function, JsonNode event, String idempotencyKey) {}

    /** Raised by a function to answer as an unhandled error ({@code X-Amz-Function-Error}). */
    public static final class FunctionError extends RuntimeException {
        private final String errorType;

        public FunctionError(String errorType, String message) {
            super(message, null, false, false);
            this.errorType = errorType;
        }
    }

    /** Raised by a function to make its endpoint answer HTTP 500, as a broken host does (not a function error). */
    public static final class EndpointFailure extends RuntimeException {
        public EndpointFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<JsonNode, JsonNode>> functions = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public FunctionServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public FunctionServer register(String name, Function<JsonNode, JsonNode> function) {
        functions.put(name, function);
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Optional<Endpoint> find(String functionArn) {
        String name = functionArn.substring(functionArn.lastIndexOf(':') + 1);
        if (!functions.containsKey(name)) {
            return Optional.empty();
        }
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
        return Optional.of(new Endpoint(url, null));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(1);
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode event = body.length == 0 ? Json.NODES.objectNode() : Json.MAPPER.readTree(body);
        calls.add(new Call(name, event, exchange.getRequestHeaders().getFirst(HttpFunctionInvoker.IDEMPOTENCY_KEY)));
        byte[] response;
        int status = 200;
        try {
            response = Json.text(functions.get(name).apply(event)).getBytes(StandardCharsets.UTF_8);
        } catch (EndpointFailure failure) {
            status = 500;
            response = Json.text(Json.NODES.objectNode().put("message", failure.getMessage()))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (FunctionError error) {
            var payload = Json.NODES.objectNode();
            payload.put("errorMessage", error.getMessage());
            payload.put("errorType", error.errorType);
            response = Json.text(payload).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, response.length);
        exchange.getResponseBody().write(response);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
