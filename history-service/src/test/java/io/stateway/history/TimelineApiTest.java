package io.stateway.history;

import static io.stateway.history.HistoryApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/executions/{arn}/timeline over executions the orchestrator ran. */
class TimelineApiTest extends OrchestratorBackedTest {

    @Test
    void timeline_order_oneEntryPerTopLevelStateVisitInOrder() {
        JsonNode timeline = timeline(SampleExecutions.order(orchestrator));

        assertThat(timeline.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(names(timeline.get("states")))
                .containsExactly("Receive", "Validate", "Prepare", "ShipItems", "Decide", "Done");
        assertThat(timeline.get("states")).allSatisfy(state -> {
            assertThat(state.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(state.get("durationMillis").asLong()).isNotNegative();
        });
        assertThat(timeline.get("states").get(0).get("inputBytes").asLong()).isPositive();
        assertThat(timeline.get("states").get(0).get("outputBytes").asLong()).isPositive();
    }

    @Test
    void timeline_retriedTask_listsEachAttemptWithItsErrorAndBackOff() {
        JsonNode validate = state(timeline(SampleExecutions.order(orchestrator)).get("states"), "Validate");

        assertThat(validate.get("type").asString()).isEqualTo("Task");
        assertThat(validate.get("retried").asBoolean()).isTrue();
        JsonNode attempts = validate.get("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("status").asString()).isEqualTo("FAILED");
        assertThat(attempts.get(0).get("error").asString()).isEqualTo("Flaky");
        assertThat(attempts.get(0).get("cause").asString()).contains("try again");
        // IntervalSeconds 1: the next attempt was scheduled a second after the failure, or later.
        assertThat(attempts.get(0).get("backoffMillis").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(attempts.get(1).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(attempts.get(1).has("backoffMillis")).isFalse();
    }

    @Test
    void timeline_parallel_nestsEachBranchWithItsOwnStates() {
        JsonNode prepare = state(timeline(SampleExecutions.order(orchestrator)).get("states"), "Prepare");

        JsonNode branches = prepare.get("branches");
        assertThat(branches).hasSize(2);
        assertThat(branches.get(0).get("index").asInt()).isZero();
        assertThat(names(branches.get(0).get("states"))).containsExactly("Price");
        assertThat(names(branches.get(1).get("states"))).containsExactly("Reserve", "Confirm");
        assertThat(branches)
                .allSatisfy(b -> assertThat(b.get("status").asString()).isEqualTo("SUCCEEDED"));
        JsonNode confirm = state(branches.get(1).get("states"), "Confirm");
        assertThat(confirm.get("type").asString()).isEqualTo("Wait");
        assertThat(confirm.get("durationMillis").asLong()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void timeline_map_nestsIterationsAndShowsTheCaughtError() {
        JsonNode ship = state(timeline(SampleExecutions.order(orchestrator)).get("states"), "ShipItems");

        JsonNode map = ship.get("map");
        assertThat(map.get("length").asInt()).isEqualTo(3);
        assertThat(map.get("detailed").asBoolean()).isTrue();
        assertThat(map.get("counts").get("SUCCEEDED").asInt()).isEqualTo(3);
        assertThat(map.get("slowest")).hasSize(3);
        JsonNode iterations = map.get("iterations");
        assertThat(iterations).extracting(i -> i.get("index").asInt()).containsExactly(0, 1, 2);
        assertThat(names(iterations.get(0).get("states"))).containsExactly("Ship");
        JsonNode b = iterations.get(1).get("states");
        assertThat(names(b)).containsExactly("Ship", "Backorder");
        assertThat(b.get(0).get("status").asString()).isEqualTo("CAUGHT");
        assertThat(b.get(0).get("error").asString()).isEqualTo("OutOfStock");
        assertThat(b.get(1).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void timeline_totals_addUpTasksWaitsRetriesAndQueueing() {
        JsonNode totals = timeline(SampleExecutions.order(orchestrator)).get("totals");

        // Validate twice, Price, Ship three times.
        assertThat(totals.get("tasks").asInt()).isEqualTo(6);
        assertThat(totals.get("retries").asInt()).isEqualTo(1);
        assertThat(totals.get("retryMillis").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(totals.get("waitMillis").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(totals.get("taskMillis").asLong()).isPositive();
        assertThat(totals.get("queuedMillis").asLong()).isNotNegative();
        // 6 top-level visits, 3 in the branches, 4 in the iterations.
        assertThat(totals.get("stateVisits").asInt()).isEqualTo(13);
    }

    @Test
    void timeline_failedExecution_marksTheFailedStateWithItsCause() {
        JsonNode timeline = timeline(SampleExecutions.declined(orchestrator));

        assertThat(timeline.get("status").asString()).isEqualTo("FAILED");
        assertThat(timeline.get("error").asString()).isEqualTo("PaymentDeclined");
        assertThat(names(timeline.get("states"))).containsExactly("Reserve", "Charge");
        JsonNode charge = state(timeline.get("states"), "Charge");
        assertThat(charge.get("status").asString()).isEqualTo("FAILED");
        assertThat(charge.get("error").asString()).isEqualTo("PaymentDeclined");
        assertThat(charge.get("cause").asString()).contains("Card expired");
        assertThat(charge.has("exitedAt")).isFalse();
    }

    @Test
    void timeline_unknownOrMalformedArn_isAnAwsError() {
        assertError(get("/v1/executions/nope/timeline"), 400, "InvalidArn");
        assertError(
                get("/v1/executions/" + encoded("arn:aws:states:us-east-1:123456789012:execution:orders:none")
                        + "/timeline"),
                404,
                "ExecutionDoesNotExist");
    }

    private JsonNode timeline(String arn) {
        return getJson("/v1/executions/" + encoded(arn) + "/timeline");
    }

    static List<String> names(JsonNode states) {
        List<String> names = new ArrayList<>();
        states.forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    static JsonNode state(JsonNode states, String name) {
        for (JsonNode state : states) {
            if (state.get("name").asString().equals(name)) {
                return state;
            }
        }
        throw new AssertionError("No state " + name + " in " + states);
    }
}
