package io.stateway.history;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stateway.orchestrator.integration.lambda.FunctionEndpoints;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lambda-compatible functions on a free loopback port, which the orchestrator under test calls over
 * real HTTP (the Lambda Invoke contract: the event POSTed, the result returned, {@code
 * X-Amz-Function-Error} for an unhandled error).
 */
final class TestFunctions implements FunctionEndpoints, AutoCloseable {

    /** Thrown by a function to answer with an unhandled error of this type. */
    static final class FunctionError extends RuntimeException {
        private final String errorType;

        FunctionError(String errorType, String message) {
            super(message, null, false, false);
            this.errorType = errorType;
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, UnaryOperator<JsonNode>> functions = new ConcurrentHashMap<>();

    TestFunctions() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    TestFunctions register(String name, UnaryOperator<JsonNode> function) {
        functions.put(name, function);
        return this;
    }

    @Override
    public Optional<Endpoint> find(String functionArn) {
        String name = functionArn.substring(functionArn.lastIndexOf(':') + 1);
        if (!functions.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name), null));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(1);
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode event = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        byte[] response;
        try {
            response = JSON.writeValueAsBytes(functions.get(name).apply(event));
        } catch (FunctionError error) {
            response = JSON.writeValueAsBytes(Map.of("errorMessage", error.getMessage(), "errorType", error.errorType));
            exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
        }
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
