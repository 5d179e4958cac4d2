package io.stateway.history;

import static io.stateway.history.HistoryApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.ExecutionStatus;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/executions/{arn}/events: a running execution's events as Server-Sent Events. */
class LiveEventsTest extends OrchestratorBackedTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void events_runningExecution_arriveWhileItRunsAndEndWithItsStatus() throws Exception {
        Gate gate = Gate.install(orchestrator);
        String arn = orchestrator.start("live-loop", "gated-loop", "live-1", "{}");
        List<SseClient.Message> received = new ArrayList<>();

        try (SseClient stream = SseClient.open(HTTP, uri(eventsPath(arn)), null)) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

            received.addAll(untilType(stream, "LambdaFunctionScheduled"));
            assertThat(orchestrator.executions().describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);

            gate.open(1);
            List<SseClient.Message> secondStep = untilType(stream, "LambdaFunctionScheduled");
            received.addAll(secondStep);
            assertThat(secondStep)
                    .extracting(m -> type(m))
                    .containsSubsequence("LambdaFunctionSucceeded", "TaskStateExited", "ChoiceStateEntered");
            assertThat(orchestrator.executions().describe(arn).status()).isEqualTo(ExecutionStatus.RUNNING);

            gate.open(0);
            received.addAll(untilType(stream, "ExecutionSucceeded"));
            SseClient.Message end = stream.nextMessage(WAIT);
            assertThat(end.event()).isEqualTo("end");
            assertThat(TestFunctions.JSON.readTree(end.data()).get("status").asString())
                    .isEqualTo("SUCCEEDED");
            assertThat(stream.next(WAIT)).isInstanceOf(SseClient.Closed.class);
        }

        assertThat(received).extracting(m -> Long.parseLong(m.id())).containsExactlyElementsOf(ids(1, received.size()));
        assertThat(received)
                .extracting(m -> TestFunctions.JSON.readTree(m.data()))
                .containsExactlyElementsOf(historyEvents(arn));
    }

    @Test
    void events_resumedFromLastEventId_sendExactlyTheEventsAfterIt() throws Exception {
        Gate gate = Gate.install(orchestrator);
        String arn = orchestrator.start("live-loop", "gated-loop", "live-2", "{}");
        long seen;
        try (SseClient first = SseClient.open(HTTP, uri(eventsPath(arn)), null)) {
            List<SseClient.Message> before = untilType(first, "LambdaFunctionScheduled");
            seen = Long.parseLong(before.getLast().id());
        }
        gate.open(0);
        orchestrator.awaitClosed(arn);
        List<JsonNode> history = historyEvents(arn);

        try (SseClient resumed = SseClient.open(HTTP, uri(eventsPath(arn)), Long.toString(seen))) {
            List<SseClient.Message> rest = untilType(resumed, "ExecutionSucceeded");
            assertThat(rest)
                    .extracting(m -> Long.parseLong(m.id()))
                    .containsExactlyElementsOf(ids(seen + 1, history.size()));
            assertThat(rest)
                    .extracting(m -> TestFunctions.JSON.readTree(m.data()))
                    .containsExactlyElementsOf(history.subList((int) seen, history.size()));
            assertThat(resumed.nextMessage(WAIT).event()).isEqualTo("end");
        }

        try (SseClient caughtUp = SseClient.open(HTTP, uri(eventsPath(arn)), Long.toString(history.size()))) {
            SseClient.Message end = caughtUp.nextMessage(WAIT);
            assertThat(end.event()).isEqualTo("end");
            assertThat(end.data()).contains("\"lastEventId\":" + history.size());
            assertThat(caughtUp.next(WAIT)).isInstanceOf(SseClient.Closed.class);
        }
    }

    @Test
    void events_stoppedExecution_endWithAborted() throws Exception {
        Gate gate = Gate.install(orchestrator);
        String arn = orchestrator.start("live-loop", "gated-loop", "live-3", "{}");
        try (SseClient stream = SseClient.open(HTTP, uri(eventsPath(arn)), null)) {
            untilType(stream, "LambdaFunctionScheduled");
            orchestrator.executions().stop(arn, "Halt", "stopped by the test");
            untilType(stream, "ExecutionAborted");
            SseClient.Message end = stream.nextMessage(WAIT);
            assertThat(end.event()).isEqualTo("end");
            assertThat(end.data()).contains("ABORTED");
        } finally {
            gate.open(0);
        }
    }

    @Test
    void events_badRequests_areAwsShapedErrors() {
        String arn = SampleExecutions.declined(orchestrator);
        assertError(get(eventsPath("not-an-arn")), 400, "InvalidArn");
        assertError(
                get(eventsPath("arn:aws:states:us-east-1:123456789012:execution:live-loop:nobody")),
                404,
                "ExecutionDoesNotExist");
        assertError(
                send(HttpRequest.newBuilder(uri(eventsPath(arn)))
                        .header("Accept", "text/event-stream")
                        .header("Last-Event-ID", "yesterday")
                        .build()),
                400,
                "ValidationException");
    }

    /** The messages up to and including the first event of this type. */
    static List<SseClient.Message> untilType(SseClient stream, String type) throws InterruptedException {
        List<SseClient.Message> messages = new ArrayList<>();
        SseClient.Message message;
        do {
            message = stream.nextMessage(WAIT);
            assertThat(message.event()).as(message.data()).isEqualTo("message");
            messages.add(message);
        } while (!type(message).equals(type));
        return messages;
    }

    static String type(SseClient.Message message) {
        return TestFunctions.JSON.readTree(message.data()).get("type").asString();
    }

    static List<Long> ids(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    List<JsonNode> historyEvents(String arn) {
        List<JsonNode> events = new ArrayList<>();
        getJson(historyPath(arn) + "?maxResults=1000").get("events").forEach(events::add);
        return events;
    }

    static String eventsPath(String executionArn) {
        return "/v1/executions/" + encoded(executionArn) + "/events";
    }
}
