package io.stateway.gateway.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.stateway.gateway.conformance.AdminClient;
import io.stateway.gateway.conformance.EmbeddedGateway;
import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.WithSharedGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * R10: two gateway replicas on one Redis, 64 concurrent clients on one API key at 5x its usage plan's
 * limit. Admitted requests never exceed what the bucket allows: burst + rate x seconds (+ rate for the
 * granularity of one second). Runs {@code -Dstateway.r10.seconds} (default 15; the contract's run is 30).
 */
@WithSharedGateway
class LimiterAccuracyTest {

    private static final int CLIENTS = 64;
    private static final int RATE = 20;
    private static final int BURST = 20;
    private static final String STAGE = "r10";

    @Test
    void twoReplicas_64ClientsAt5xTheLimit_admitAtMostBurstPlusRateTimesSeconds(SharedGateway gateway)
            throws Exception {
        long seconds = Long.getLong("stateway.r10.seconds", 15);
        AdminClient admin = gateway.admin();
        String apiId = admin.importApi(SharedGateway.fixture("throttling.yaml", Map.of()), "REGIONAL", STAGE);
        String planId = admin.createPlan(Map.of(
                "name", "r10",
                "throttle", Map.of("rateLimit", RATE, "burstLimit", BURST),
                "apiStages", List.of(Map.of("apiId", apiId, "stage", STAGE))));
        String key = "r10-" + UUID.randomUUID();
        admin.addKeyToPlan(planId, admin.createKey("r10", key, true));
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try (EmbeddedGateway replica = gateway.startReplica(Map.of())) {
            List<URI> targets = List.of(
                    URI.create("http://127.0.0.1:" + gateway.port() + "/" + STAGE + "/keyed"),
                    URI.create("http://127.0.0.1:" + replica.dataPlanePort() + "/" + STAGE + "/keyed"));
            for (URI target : targets) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> send(http, target, key).statusCode() == 200);
            }
            // Let the buckets refill from the probes above: the run starts from a full bucket.
            Thread.sleep(1000L * BURST / RATE + 200);

            ConcurrentLinkedQueue<HttpResponse<String>> responses = new ConcurrentLinkedQueue<>();
            AtomicInteger failures = new AtomicInteger();
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) * CLIENTS / (5L * RATE);
            CountDownLatch done = new CountDownLatch(CLIENTS);
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            for (int client = 0; client < CLIENTS; client++) {
                int index = client;
                Thread.ofVirtual().start(() -> {
                    try {
                        long next = start + intervalNanos * index / CLIENTS;
                        for (int i = 0; next < end; i++) {
                            LockSupport.parkNanos(next - System.nanoTime());
                            try {
                                responses.add(send(http, targets.get((index + i) % 2), key));
                            } catch (IllegalStateException e) {
                                failures.incrementAndGet();
                            }
                            next += intervalNanos;
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(seconds + 60, TimeUnit.SECONDS)).isTrue();
            double elapsed = (System.nanoTime() - start) / 1e9;

            long admitted =
                    responses.stream().filter(r -> r.statusCode() == 200).count();
            double degraded = degraded(gateway.bean(MeterRegistry.class)) + degraded(replica.bean(MeterRegistry.class));
            long throttled =
                    responses.stream().filter(r -> r.statusCode() == 429).count();
            double ideal = BURST + RATE * elapsed;
            double bound = ideal + RATE;
            System.out.printf(
                    "R10: %d clients, 2 replicas, %d requests in %.1f s (%.0f/s offered, limit %d/s burst %d):"
                            + " admitted %d, throttled %d; bound burst+rate*s+rate = %.0f; admitted/ideal(burst+rate*s) ="
                            + " %.3f; decisions taken without Redis: %.0f%n",
                    CLIENTS,
                    responses.size(),
                    elapsed,
                    responses.size() / elapsed,
                    RATE,
                    BURST,
                    admitted,
                    throttled,
                    bound,
                    admitted / ideal,
                    degraded);

            assertThat(failures).hasValue(0);
            assertThat(admitted + throttled).isEqualTo(responses.size());
            assertThat((double) admitted).isLessThanOrEqualTo(bound);
            // Not over-strict either: the rate is granted while clients ask for more.
            assertThat((double) admitted).isGreaterThanOrEqualTo(0.9 * RATE * elapsed);
            for (HttpResponse<String> response : responses) {
                long remaining = Long.parseLong(
                        response.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
                assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue(Integer.toString(BURST));
                if (response.statusCode() == 200) {
                    assertThat(remaining).isBetween(0L, BURST - 1L);
                } else {
                    assertThat(remaining).isZero();
                    assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
                    assertThat(Long.parseLong(
                                    response.headers().firstValue("Retry-After").orElseThrow()))
                            .isBetween(1L, 1L + 1 / RATE);
                }
            }
        }
        // Closing a replica leaves the other one serving.
        assertThat(gateway.get("/" + STAGE + "/open").statusCode()).isEqualTo(200);
        assertThat(gateway.admin().send("GET", "/admin/v1/apis", "").statusCode())
                .isEqualTo(200);
    }

    private static double degraded(MeterRegistry meters) {
        return meters.find("stateway.gateway.throttle.degraded").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static HttpResponse<String> send(HttpClient http, URI target, String key) {
        try {
            return http.send(
                    HttpRequest.newBuilder(target)
                            .header("x-api-key", key)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request to " + target + " failed", e);
        }
    }
}
