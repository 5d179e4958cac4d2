package io.stateway.history;

import static io.stateway.history.LiveEventsTest.WAIT;
import static io.stateway.history.LiveEventsTest.eventsPath;
import static io.stateway.history.LiveEventsTest.untilType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Live streams on an instance that serves one at a time and beats its heart every 200 ms. */
@TestPropertySource(properties = {"stateway.history.live.max-streams=1", "stateway.history.live.heartbeat=200ms"})
class LiveLimitsTest extends OrchestratorBackedTest {

    @Test
    void events_beyondMaxStreams_are429WithAMessageUntilAStreamEnds() throws Exception {
        Gate gate = Gate.install(orchestrator);
        String arn = orchestrator.start("live-limits", "gated-loop", "limits-1", "{}");
        try {
            try (SseClient first = SseClient.open(HTTP, uri(eventsPath(arn)), null)) {
                untilType(first, "LambdaFunctionScheduled");

                HttpResponse<String> refused = send(HttpRequest.newBuilder(uri(eventsPath(arn)))
                        .header("Accept", "text/event-stream")
                        .build());

                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                JsonNode body = TestFunctions.JSON.readTree(refused.body());
                assertThat(body.get("message").asString()).contains("Too many live streams");
                assertThat(body.get("__type").asString()).isEqualTo("ThrottlingException");
            }
            // The first stream's client left: its slot frees once the server notices (at its next write).
            await().atMost(WAIT).untilAsserted(() -> {
                try (SseClient again = SseClient.open(HTTP, uri(eventsPath(arn)), null)) {
                    assertThat(again.response().statusCode()).isEqualTo(200);
                }
            });
        } finally {
            gate.open(0);
        }
    }

    @Test
    void events_idleStream_getsHeartbeatCommentsWhileTheExecutionWaits() throws Exception {
        Gate gate = Gate.install(orchestrator);
        String arn = orchestrator.start("live-limits", "gated-loop", "limits-2", "{}");
        try (SseClient stream = openWhenFree(arn)) {
            untilType(stream, "LambdaFunctionScheduled");

            assertThat(stream.next(WAIT)).isEqualTo(new SseClient.Comment("heartbeat"));
            assertThat(stream.next(WAIT)).isEqualTo(new SseClient.Comment("heartbeat"));

            gate.open(0);
            untilType(stream, "ExecutionSucceeded");
            assertThat(stream.nextMessage(WAIT).event()).isEqualTo("end");
        } finally {
            gate.open(0);
        }
    }

    /** A stream, once the one slot is free (a stream of another test may still be ending). */
    private SseClient openWhenFree(String arn) {
        AtomicReference<SseClient> opened = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            SseClient stream = SseClient.open(HTTP, uri(eventsPath(arn)), null);
            if (stream.response().statusCode() == 200) {
                opened.set(stream);
                return true;
            }
            stream.close();
            return false;
        });
        return opened.get();
    }
}
