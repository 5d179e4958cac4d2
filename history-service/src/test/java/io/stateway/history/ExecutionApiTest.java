package io.stateway.history;

import static io.stateway.history.HistoryApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/executions (search, keyset pages, counts per status) and GET /v1/executions/{arn}. */
class ExecutionApiTest extends OrchestratorBackedTest {

    static final String MACHINE = "searchable";
    static final List<String> SUCCEEDED = new ArrayList<>();
    static String failed;
    static Instant between;

    @BeforeAll
    static void runExecutions() {
        SampleExecutions.declined(orchestrator); // registers the charge function the failing run calls
        for (String name : List.of("alpha-1", "alpha-2")) {
            SUCCEEDED.add(orchestrator.start(MACHINE, "hello", name, "{}"));
        }
        SUCCEEDED.forEach(orchestrator::awaitClosed);
        between = orchestrator
                .executions()
                .describe(SUCCEEDED.getLast())
                .startDate()
                .plusNanos(500_000);
        SUCCEEDED.add(orchestrator.start(MACHINE, "hello", "beta-1", "{}"));
        failed = orchestrator.start(MACHINE, "payment-declined", "beta-2", "{\"amount\": 1}");
        orchestrator.awaitClosed(SUCCEEDED.getLast());
        assertThat(orchestrator.awaitClosed(failed).status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void search_byStateMachine_newestFirstWithCountsPerStatus() {
        JsonNode page = getJson("/v1/executions?stateMachineArn=" + encoded(Orchestrator.stateMachineArn(MACHINE)));

        assertThat(names(page)).containsExactly("beta-2", "beta-1", "alpha-2", "alpha-1");
        JsonNode counts = page.get("counts");
        assertThat(counts.get("SUCCEEDED").asLong()).isEqualTo(3);
        assertThat(counts.get("FAILED").asLong()).isEqualTo(1);
        assertThat(counts.get("RUNNING").asLong()).isZero();
        JsonNode first = page.get("executions").get(0);
        assertThat(first.get("executionArn").asString()).isEqualTo(failed);
        assertThat(first.get("status").asString()).isEqualTo("FAILED");
        assertThat(first.get("stateMachineArn").asString()).isEqualTo(Orchestrator.stateMachineArn(MACHINE));
        assertThat(first.has("startDate")).isTrue();
        assertThat(first.has("stopDate")).isTrue();
    }

    @Test
    void search_byStatusNamePrefixAndStartRange_keepsOnlyMatches() {
        String machine = "stateMachineArn=" + encoded(Orchestrator.stateMachineArn(MACHINE));

        assertThat(names(getJson("/v1/executions?" + machine + "&statusFilter=FAILED")))
                .containsExactly("beta-2");
        assertThat(names(getJson("/v1/executions?" + machine + "&statusFilter=SUCCEEDED,FAILED&namePrefix=alpha")))
                .containsExactly("alpha-2", "alpha-1");
        assertThat(names(getJson("/v1/executions?" + machine + "&startedAfter=" + between)))
                .containsExactly("beta-2", "beta-1");
        assertThat(names(getJson("/v1/executions?" + machine + "&startedBefore=" + between)))
                .containsExactly("alpha-2", "alpha-1");
        assertThat(names(getJson("/v1/executions?namePrefix=beta-&" + machine))).hasSize(2);
        assertThat(getJson("/v1/executions?namePrefix=alpha-").has("counts")).isFalse();
    }

    @Test
    void search_pagedOneAtATime_returnsEveryExecutionOnce() {
        String query = "/v1/executions?maxResults=1&stateMachineArn=" + encoded(Orchestrator.stateMachineArn(MACHINE));
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = getJson(query + (token == null ? "" : "&nextToken=" + token));
            names.addAll(names(page));
            token = page.has("nextToken") ? page.get("nextToken").asString() : null;
        } while (token != null);

        assertThat(names).containsExactly("beta-2", "beta-1", "alpha-2", "alpha-1");
    }

    @Test
    void describe_failedExecution_hasItsErrorCauseInputAndEventCount() {
        JsonNode execution = getJson("/v1/executions/" + encoded(failed));

        assertThat(execution.get("status").asString()).isEqualTo("FAILED");
        assertThat(execution.get("name").asString()).isEqualTo("beta-2");
        assertThat(execution.get("error").asString()).isEqualTo("PaymentDeclined");
        assertThat(execution.get("cause").asString()).contains("Card expired");
        assertThat(TestFunctions.JSON.readTree(execution.get("input").asString()))
                .isEqualTo(TestFunctions.JSON.readTree("{\"amount\": 1}"));
        assertThat(execution.get("eventCount").asLong())
                .isEqualTo(getJson(historyPath(failed) + "?maxResults=1000")
                        .get("events")
                        .size());
    }

    @Test
    void search_badRequests_areAwsShapedErrors() {
        String machine = encoded(Orchestrator.stateMachineArn(MACHINE));
        assertError(get("/v1/executions?statusFilter=DONE"), 400, "ValidationException");
        assertError(get("/v1/executions?startedAfter=yesterday"), 400, "ValidationException");
        assertError(get("/v1/executions?maxResults=1001"), 400, "ValidationException");
        assertError(get("/v1/executions?stateMachineArn=orders"), 400, "InvalidArn");
        assertError(get("/v1/executions?nextToken=forged"), 400, "InvalidToken");
        String token = getJson("/v1/executions?maxResults=1&stateMachineArn=" + machine)
                .get("nextToken")
                .asString();
        assertError(
                get("/v1/executions?maxResults=1&statusFilter=FAILED&stateMachineArn=" + machine + "&nextToken="
                        + token),
                400,
                "InvalidToken");
        assertError(
                get("/v1/executions/" + encoded("arn:aws:states:us-east-1:123456789012:execution:x:nobody")),
                404,
                "ExecutionDoesNotExist");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("executions").forEach(e -> names.add(e.get("name").asString()));
        return names;
    }
}
