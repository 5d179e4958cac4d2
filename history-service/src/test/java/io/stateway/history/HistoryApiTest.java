package io.stateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stateway.orchestrator.runtime.ExecutionService;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/executions/{arn}/history over executions the orchestrator ran, read through the reader role. */
class HistoryApiTest extends OrchestratorBackedTest {

    static String order;
    static String declined;

    @BeforeAll
    static void runExecutions() {
        order = SampleExecutions.order(orchestrator);
        declined = SampleExecutions.declined(orchestrator);
    }

    @Test
    void history_wholeExecution_isTheOrchestratorsOwnHistory() {
        List<JsonNode> ours = allPages(historyPath(order) + "?maxResults=1000");
        List<ExecutionService.StoredEvent> theirs = orchestratorHistory(order, false);

        assertThat(ours).hasSize(theirs.size());
        for (int i = 0; i < theirs.size(); i++) {
            ExecutionService.StoredEvent expected = theirs.get(i);
            JsonNode event = ours.get(i);
            assertThat(event.get("id").asLong()).isEqualTo(expected.id());
            assertThat(event.get("previousEventId").asLong()).isEqualTo(expected.previousEventId());
            assertThat(event.get("type").asString()).isEqualTo(expected.type().name());
            if (expected.type().detailsKey() != null && expected.details() != null) {
                assertThat(event.get(expected.type().detailsKey())).isEqualTo(expected.details());
            }
        }
        assertThat(ours)
                .extracting(e -> e.get("type").asString())
                .contains("MapIterationStarted", "ParallelStateStarted", "LambdaFunctionFailed", "ExecutionSucceeded");
    }

    @Test
    void history_sameQuery_isByteForByteWhatTheOrchestratorsOwnApiAnswers() {
        for (String query : List.of(
                "?maxResults=1000",
                "?maxResults=1000&reverseOrder=true",
                "?maxResults=1000&includeExecutionData=false")) {
            for (String arn : List.of(order, declined)) {
                HttpResponse<String> theirs = send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + orchestrator.port() + historyPath(arn) + query))
                        .build());
                HttpResponse<String> ours = get(historyPath(arn) + query);

                assertThat(theirs.statusCode()).isEqualTo(200);
                assertThat(ours.statusCode()).isEqualTo(200);
                assertThat(ours.body()).as(arn + query).isEqualTo(theirs.body());
            }
        }
    }

    @Test
    void history_eventsAppendedBetweenPages_areNeitherSkippedNorRepeated() {
        Gate gate = Gate.install(orchestrator);
        String arn = orchestrator.start("history-paging", "gated-loop", "paging-1", "{}");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> gate.calls() == 1);
            JsonNode first = getJson(historyPath(arn) + "?maxResults=2");
            JsonNode firstBackwards = getJson(historyPath(arn) + "?maxResults=2&reverseOrder=true");
            long newestBefore = firstBackwards.get("events").get(0).get("id").asLong();

            gate.open(2);
            await().atMost(Duration.ofSeconds(20)).until(() -> gate.calls() == 2);
            JsonNode second = getJson(historyPath(arn) + "?maxResults=3&nextToken="
                    + first.get("nextToken").asString());
            gate.open(0);
            orchestrator.awaitClosed(arn);

            List<JsonNode> forward = new ArrayList<>();
            first.get("events").forEach(forward::add);
            second.get("events").forEach(forward::add);
            forward.addAll(allPages(
                    historyPath(arn) + "?maxResults=3", second.get("nextToken").asString()));
            List<JsonNode> whole = allPages(historyPath(arn) + "?maxResults=1000");
            assertThat(whole.getLast().get("type").asString()).isEqualTo("ExecutionSucceeded");
            assertThat(forward).isEqualTo(whole);

            List<JsonNode> backward = new ArrayList<>();
            firstBackwards.get("events").forEach(backward::add);
            backward.addAll(allPages(
                    historyPath(arn) + "?maxResults=2&reverseOrder=true",
                    firstBackwards.get("nextToken").asString()));
            assertThat(backward).isEqualTo(whole.subList(0, (int) newestBefore).reversed());
        } finally {
            gate.open(0);
        }
    }

    @Test
    void paths_withTheArnAsItIs_areServedAsTheReadmeShowsThem() {
        for (String suffix : List.of("", "/history", "/timeline", "/graph")) {
            assertThat(get("/v1/executions/" + declined + suffix).statusCode())
                    .as(suffix)
                    .isEqualTo(200);
        }
        HttpResponse<String> page = get("/ui/executions/" + declined);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
        assertThat(get("/").headers().firstValue("Location")).hasValue("/ui/executions");
    }

    @Test
    void history_membersInAwsOrder_timestampIsoTextAndDetailsMemberPerType() {
        HttpResponse<String> response = get(historyPath(declined) + "?maxResults=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body())
                .matches(
                        "\\{\"events\":\\[\\{\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\",\"type\":\"ExecutionStarted\","
                                + "\"id\":1,\"previousEventId\":0,\"executionStartedEventDetails\":\\{.*\"nextToken\":\"[A-Za-z0-9_-]+\"}");
    }

    @Test
    void history_pagedBySmallPages_returnsEveryEventOnceInOrder() {
        List<JsonNode> whole = allPages(historyPath(order) + "?maxResults=1000");
        List<JsonNode> paged = allPages(historyPath(order) + "?maxResults=7");

        assertThat(paged).isEqualTo(whole);
        assertThat(paged)
                .extracting(e -> e.get("id").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, whole.size())
                        .boxed()
                        .toList());
    }

    @Test
    void history_reverseOrder_pagesNewestFirst() {
        List<JsonNode> forward = allPages(historyPath(order) + "?maxResults=1000");
        List<JsonNode> backward = allPages(historyPath(order) + "?maxResults=5&reverseOrder=true");

        assertThat(backward).isEqualTo(forward.reversed());
    }

    @Test
    void history_withoutExecutionData_leavesOutInputsOutputsAndParameters() {
        List<JsonNode> events = allPages(historyPath(order) + "?includeExecutionData=false&maxResults=1000");

        JsonNode started = events.getFirst().get("executionStartedEventDetails");
        assertThat(started.has("input")).isFalse();
        assertThat(started.has("inputDetails")).isFalse();
        assertThat(started.get("roleArn").asString()).isEqualTo(Orchestrator.ROLE);
        assertThat(events.toString()).doesNotContain("\"input\"", "\"output\"", "\"parameters\"");
        JsonNode failed = events.stream()
                .filter(e -> e.get("type").asString().equals("LambdaFunctionFailed"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.get("lambdaFunctionFailedEventDetails").get("error").asString())
                .isEqualTo("Flaky");
    }

    @Test
    void history_filteredByEventType_returnsOnlyThoseTypes() {
        List<JsonNode> events = allPages(historyPath(order)
                + "?eventType=LambdaFunctionFailed,MapIterationStarted&eventType=ExecutionSucceeded&maxResults=2");

        // Map iterations run two at a time, so the middle of the list may come in either order.
        assertThat(events)
                .extracting(e -> e.get("type").asString())
                .containsExactlyInAnyOrder(
                        "LambdaFunctionFailed",
                        "LambdaFunctionFailed",
                        "MapIterationStarted",
                        "MapIterationStarted",
                        "MapIterationStarted",
                        "ExecutionSucceeded");
        assertThat(events.getFirst().get("type").asString()).isEqualTo("LambdaFunctionFailed");
        assertThat(events.getLast().get("type").asString()).isEqualTo("ExecutionSucceeded");
        assertThat(events).extracting(e -> e.get("id").asLong()).isSorted();
    }

    @Test
    void history_filteredByStateName_returnsTheEventsThatNameIt() {
        List<JsonNode> events = allPages(historyPath(order) + "?stateName=Ship");

        assertThat(events).hasSize(6).allSatisfy(e -> assertThat(e.toString()).contains("\"name\":\"Ship\""));
        assertThat(events)
                .extracting(e -> e.get("type").asString())
                .containsOnly("TaskStateEntered", "TaskStateExited");
    }

    @Test
    void nextToken_altered_isInvalidToken() {
        String token =
                getJson(historyPath(order) + "?maxResults=3").get("nextToken").asString();
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[12] ^= 1;
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertError(get(historyPath(order) + "?maxResults=3&nextToken=" + altered), 400, "InvalidToken");
        assertError(get(historyPath(order) + "?nextToken=not-a-token"), 400, "InvalidToken");
    }

    @Test
    void nextToken_ofAnotherExecutionOrQuery_isInvalidToken() {
        String token =
                getJson(historyPath(order) + "?maxResults=3").get("nextToken").asString();

        assertError(get(historyPath(declined) + "?maxResults=3&nextToken=" + token), 400, "InvalidToken");
        assertError(get(historyPath(order) + "?reverseOrder=true&nextToken=" + token), 400, "InvalidToken");
        assertError(get(historyPath(order) + "?eventType=TaskStateEntered&nextToken=" + token), 400, "InvalidToken");
        assertThat(get(historyPath(order) + "?maxResults=10&nextToken=" + token).statusCode())
                .isEqualTo(200);
    }

    @Test
    void history_badRequests_areAwsShapedErrorsWithoutStackTraces() {
        assertError(get(historyPath("not-an-arn")), 400, "InvalidArn");
        assertError(
                get(historyPath("arn:aws:states:us-east-1:123456789012:execution:orders:nobody")),
                404,
                "ExecutionDoesNotExist");
        assertError(get(historyPath(order) + "?maxResults=1001"), 400, "ValidationException");
        assertError(get(historyPath(order) + "?maxResults=-1"), 400, "ValidationException");
        assertError(get(historyPath(order) + "?maxResults=many"), 400, "ValidationException");
        assertError(get(historyPath(order) + "?eventType=Nonsense"), 400, "ValidationException");
        assertError(get(historyPath(order) + "?reverseOrder=maybe"), 400, "ValidationException");
        assertError(get("/v1/no-such-thing"), 404, "UnknownOperationException");
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = TestFunctions.JSON.readTree(response.body());
        assertThat(body.get("__type").asString()).isEqualTo(code);
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception:", "\tat ", "trace");
    }

    List<JsonNode> allPages(String pathAndQuery) {
        return allPages(pathAndQuery, null);
    }

    /** Every event from the page {@code token} names (the first page if {@code null}) on. */
    List<JsonNode> allPages(String pathAndQuery, String token) {
        List<JsonNode> events = new ArrayList<>();
        do {
            String separator = pathAndQuery.contains("?") ? "&" : "?";
            JsonNode page = getJson(pathAndQuery + (token == null ? "" : separator + "nextToken=" + token));
            page.get("events").forEach(events::add);
            token = page.has("nextToken") ? page.get("nextToken").asString() : null;
        } while (token != null);
        return events;
    }

    static List<ExecutionService.StoredEvent> orchestratorHistory(String arn, boolean reverse) {
        List<ExecutionService.StoredEvent> events = new ArrayList<>();
        String token = null;
        do {
            var page = orchestrator.executions().history(arn, 1000, token, reverse, true);
            events.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return events;
    }
}
