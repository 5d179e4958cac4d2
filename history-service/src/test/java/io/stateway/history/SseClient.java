package io.stateway.history;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client over the JDK's HTTP client, as a browser's EventSource reads the
 * stream: fields per line, a blank line ends a message, lines starting with ':' are comments.
 */
final class SseClient implements AutoCloseable {

    /** One message: its id, its event name ({@code message} if none) and its data. */
    record Message(String id, String event, String data) {}

    /** What the stream delivered: a message, a comment, or the end of the stream. */
    sealed interface Item {}

    record Received(Message message) implements Item {}

    record Comment(String text) implements Item {}

    record Closed() implements Item {}

    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread.ofVirtual().name("sse-client").start(this::read);
    }

    /** Connects; {@code lastEventId} is sent as {@code Last-Event-ID} unless {@code null}. */
    static SseClient open(HttpClient http, URI uri, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    private void read() {
        String id = null;
        String event = null;
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        items.add(new Received(
                                new Message(id, event == null ? "message" : event, String.join("\n", data))));
                    }
                    event = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    items.add(new Comment(line.substring(1).trim()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data.add(value);
                        default -> {
                            // retry: and unknown fields change nothing a test reads
                        }
                    }
                }
            }
        } catch (RuntimeException streamClosed) {
            // close() cancels the body; the end is reported as Closed below either way
        }
        items.add(new Closed());
    }

    /** The next item, waiting up to {@code timeout}; fails if none came. */
    Item next(Duration timeout) throws InterruptedException {
        Item item = items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("Nothing arrived on the stream within " + timeout);
        }
        return item;
    }

    /** The next message, skipping comments; fails if the stream closed or nothing came in time. */
    Message nextMessage(Duration timeout) throws InterruptedException {
        while (true) {
            Item item = next(timeout);
            switch (item) {
                case Received received -> {
                    return received.message();
                }
                case Comment comment -> {
                    // heartbeats
                }
                case Closed closed -> throw new AssertionError("The stream closed");
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
