package io.stateway.bench.history;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many clients of one execution's live stream at once, each on a connection of its own: for every
 * event that happened after the client's stream was open, how long after the event's timestamp the
 * client read it (the delivery lag: the commit, the poll, the write, the network).
 */
final class LiveSubscribers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Lags in milliseconds, and how many streams ended with the execution's {@code end} event. */
    record Result(List<Double> lagsMillis, int completed, int refused) {}

    static Result follow(URI events, int clients, Clock clock, Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    HttpResponse<Stream<String>> response = http.send(
                            HttpRequest.newBuilder(events)
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
                    if (response.statusCode() != 200) {
                        refused.incrementAndGet();
                        response.body().close();
                        return;
                    }
                    // Live from here on: what happened before the stream was open is replay, not delivery lag.
                    Instant since = clock.instant();
                    try (Stream<String> lines = response.body()) {
                        boolean end = false;
                        for (String line : (Iterable<String>) lines::iterator) {
                            if (line.startsWith("event:") && line.contains("end")) {
                                end = true;
                            } else if (line.startsWith("data:") && end) {
                                completed.incrementAndGet();
                                break;
                            } else if (line.startsWith("data:")) {
                                Instant read = clock.instant();
                                Instant happened = Instant.parse(JSON.readTree(line.substring(5))
                                        .get("timestamp")
                                        .asString());
                                if (happened.isAfter(since)) {
                                    lags.add(Duration.between(happened, read).toNanos() / 1e6);
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    System.err.println("subscriber failed: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            System.err.println("not every subscriber saw the end within " + timeout);
        }
        return new Result(List.copyOf(lags), completed.get(), refused.get());
    }
}
