package io.stateway.gateway.conformance;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP backends of the corpus's vocabulary, as local servers: {@code httpbin} (POST /post, GET
 * /status/N), {@code function-url-echo}, {@code function-url-status} and {@code body-echo}.
 */
final class HttpBackendServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private final HttpServer server;

    private HttpBackendServer(HttpServer server) {
        this.server = server;
    }

    /**
     * @param behavior one of the corpus's HTTP behaviors
     * @param trimXHeaders for function-url-echo: leave out x-amzn* and x-forwarded-* request headers
     */
    static HttpBackendServer start(String behavior, boolean trimXHeaders) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    switch (behavior) {
                        case "httpbin" -> httpbin(exchange, body);
                        case "function-url-echo" -> functionUrlEcho(exchange, body, trimXHeaders);
                        case "function-url-status" -> functionUrlStatus(exchange);
                        case "body-echo" -> respond(exchange, 200, Map.of(), body);
                        default ->
                            respond(
                                    exchange,
                                    501,
                                    Map.of(),
                                    ("unknown behavior " + behavior).getBytes(StandardCharsets.UTF_8));
                    }
                }
            });
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "conformance-backend");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return new HttpBackendServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a backend", e);
        }
    }

    String baseUrl() {
        return "http://" + hostAndPort();
    }

    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static void httpbin(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/status/")) {
            int status = parseStatus(path.substring("/status/".length()));
            respond(exchange, status < 0 ? 400 : status, httpbinHeaders(), new byte[0]);
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode args = answer.putObject("args");
        query(exchange).forEach((name, values) -> {
            if (values.size() == 1) {
                args.put(name, values.getFirst());
            } else {
                values.forEach(value -> args.withArray(name).add(value));
            }
        });
        String text = new String(body, StandardCharsets.UTF_8);
        answer.put("data", text);
        answer.putObject("files");
        answer.putObject("form");
        ObjectNode headers = answer.putObject("headers");
        headers(exchange.getRequestHeaders())
                .forEach((name, values) -> headers.put(capitalise(name), String.join(",", values)));
        answer.set("json", json(text));
        answer.put("origin", exchange.getRemoteAddress().getAddress().getHostAddress());
        String query = exchange.getRequestURI().getRawQuery();
        answer.put(
                "url",
                "http://" + exchange.getRequestHeaders().getFirst("Host") + path + (query == null ? "" : "?" + query));
        respond(
                exchange,
                200,
                httpbinHeaders(),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(answer));
    }

    private static Map<String, String> httpbinHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Connection", "keep-alive");
        headers.put("Server", "gunicorn/19.9.0");
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Allow-Credentials", "true");
        return headers;
    }

    private static void functionUrlEcho(HttpExchange exchange, byte[] body, boolean trimXHeaders) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode args = answer.putObject("args");
        query(exchange).forEach((name, values) -> args.put(name, String.join(",", values)));
        answer.put("data", new String(body, StandardCharsets.UTF_8));
        answer.put("domain", exchange.getRequestHeaders().getFirst("Host"));
        ObjectNode headers = answer.putObject("headers");
        headers(exchange.getRequestHeaders()).forEach((name, values) -> {
            boolean trimmed = trimXHeaders && (name.startsWith("x-amzn") || name.startsWith("x-forwarded-"));
            if (!HOP_BY_HOP.contains(name) && !trimmed) {
                headers.put(name, String.join(",", values));
            }
        });
        answer.put("method", exchange.getRequestMethod());
        answer.put("origin", exchange.getRemoteAddress().getAddress().getHostAddress());
        answer.put("path", exchange.getRequestURI().getRawPath());
        respond(exchange, 200, functionUrlHeaders(), JSON.writeValueAsBytes(answer));
    }

    private static void functionUrlStatus(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        int status = parseStatus(path.substring(path.lastIndexOf('/') + 1));
        ObjectNode answer = JSON.createObjectNode();
        if (status < 0) {
            answer.put("status_code", 400);
            answer.put("message", "No valid status found at end of path " + path);
            status = 400;
        } else {
            answer.put("status_code", status);
            answer.put("message", "");
        }
        respond(exchange, status, functionUrlHeaders(), JSON.writeValueAsBytes(answer));
    }

    private static Map<String, String> functionUrlHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Connection", "keep-alive");
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.put(
                "X-Amzn-Trace-Id",
                "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        return headers;
    }

    private static int parseStatus(String text) {
        try {
            int status = Integer.parseInt(text);
            return status >= 100 && status <= 599 ? status : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Request headers by lower-case name, values in order. */
    private static Map<String, List<String>> headers(Headers received) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        received.forEach(
                (name, values) -> headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .addAll(values));
        return headers;
    }

    private static Map<String, List<String>> query(HttpExchange exchange) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** httpbin's header names: each dash-separated part capitalised (Content-Md5, X-Amzn-Apigateway-Api-Id). */
    private static String capitalise(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("-", -1)) {
            if (!out.isEmpty()) {
                out.append('-');
            }
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0)))
                        .append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static JsonNode json(String text) {
        try {
            return text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (JacksonException e) {
            return JSON.nullNode();
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
