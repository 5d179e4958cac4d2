package io.stateway.history;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium (the Debian package's binary) driven over the Chrome DevTools Protocol on the
 * JDK's WebSocket client: navigate, evaluate script in the page, click at a point with real mouse
 * events, and capture screenshots. A fresh profile per instance; nothing reaches the network but
 * the pages under test.
 */
final class Chromium implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** The browser binary: {@code CHROMIUM_BIN}, or {@code chromium} / {@code chromium-browser} / {@code google-chrome} on the PATH. */
    static Optional<Path> binary() {
        String configured = System.getenv("CHROMIUM_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static Chromium start(Path binary, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("stateway-chromium-");
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-extensions",
                        "--hide-scrollbars",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-port=0",
                        "--window-size=" + width + "," + height,
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            await().atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(portFile)
                            && Files.readAllLines(portFile).size() >= 2);
            int port = Integer.parseInt(Files.readAllLines(portFile).getFirst().trim());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = TestFunctions.JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            String page = null;
            for (JsonNode target : targets) {
                if (target.path("type").asString().equals("page")) {
                    page = target.get("webSocketDebuggerUrl").asString();
                    break;
                }
            }
            if (page == null) {
                throw new IllegalStateException("Chromium offers no page to drive: " + targets);
            }
            return new Chromium(process, profile, http, URI.create(page), width, height);
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "Chromium did not start: " + Files.readString(profile.resolve("chromium.log")), e);
        }
    }

    private Chromium(Process process, Path profile, HttpClient http, URI page, int width, int height) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = http.newWebSocketBuilder()
                .buildAsync(page, new Listener())
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        call("Page.enable", Map.of());
        call("Runtime.enable", Map.of());
        call(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Loads a page and waits until its script says it is ready ({@code body[data-ready]}). */
    void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> evaluate("document.body && document.body.dataset.ready || ''")
                                .asString(),
                        r -> !r.isEmpty());
    }

    /** The value of a script expression (awaited if it is a promise), as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result =
                call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("Script failed: " + expression + "\n" + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until a script expression is true. */
    void waitUntil(String expression) {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> evaluate(expression).asBoolean(false));
    }

    /** Clicks the middle of the first element matching a CSS selector, as a mouse would. */
    void click(String selector) throws Exception {
        JsonNode box =
                evaluate("(() => { const e = document.querySelector(" + TestFunctions.JSON.writeValueAsString(selector)
                        + "); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                        + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        double x = box.get("x").asDouble();
        double y = box.get("y").asDouble();
        for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
            call("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
        }
    }

    /** A PNG of the whole page (not only the window), written to {@code file}. */
    void screenshot(Path file) throws Exception {
        JsonNode size =
                evaluate("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})");
        JsonNode shot = call(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of(
                                "x",
                                0,
                                "y",
                                0,
                                "width",
                                size.get("w").asInt(),
                                "height",
                                size.get("h").asInt(),
                                "scale",
                                1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asString()));
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = TestFunctions.JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", TestFunctions.JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (socket) {
            socket.sendText(TestFunctions.JSON.writeValueAsString(message), true)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        JsonNode response = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.path("result");
    }

    /** Collects a message's fragments; answers go to the call waiting for them, events are not needed. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode message = TestFunctions.JSON.readTree(text.toString());
                text.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer =
                            pending.remove(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
