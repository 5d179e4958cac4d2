package io.stateway.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stateway.model.ExecutionStatus;
import io.stateway.model.history.HistoryEvent;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.asl.TestScopes;
import io.stateway.orchestrator.asl.definition.DefinitionParser;
import io.stateway.orchestrator.asl.engine.ExecutionContext;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.InMemoryRunner;
import io.stateway.orchestrator.asl.state.TaskResult;
import io.stateway.orchestrator.history.HistoryEventJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DurableExecutionTest extends DurableRuntimeTesting {

    @Test
    void passChain_runsToTheSameOutputAndHistoryAsTheInMemoryEngine() {
        var started = start("pass-result-path", "chain-1", "{\"name\": \"Ada\"}");

        var closed = awaitClosed(started.executionArn());

        assertThat(closed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        ExecutionResult oracle = inMemory("pass-result-path", "{\"name\": \"Ada\"}");
        assertThat(Json.parse(closed.output())).isEqualTo(oracle.output());
        assertThat(comparable(history(started.executionArn()))).isEqualTo(comparableOracle(oracle.history()));
    }

    @Test
    void parallelAndMap_fanOutThroughChildCursors_andCollectInOrder() {
        var parallel = start("parallel-branches", "fan-parallel", "{\"value\": 7}");
        var map = start("map-items", "fan-map", "{\"orders\": [\"a\", \"b\", \"c\"], \"customer\": \"c-1\"}");

        assertThat(Json.parse(awaitClosed(parallel.executionArn()).output()))
                .isEqualTo(Json.parse("{\"value\": 7, \"results\": [\"left\", 7]}"));
        assertThat(Json.parse(awaitClosed(map.executionArn()).output()).size()).isEqualTo(3);
        assertThat(comparable(history(map.executionArn())))
                .isEqualTo(comparableOracle(
                        inMemory("map-items", "{\"orders\": [\"a\", \"b\", \"c\"], \"customer\": \"c-1\"}")
                                .history()));
    }

    @Test
    void start_withTheSameNameAndInput_returnsTheSameExecution() {
        var first = start("wait-then-succeed", "same-name", "{\"delay\": 3600, \"result\": 1}");
        var again = start("wait-then-succeed", "same-name", "{\"delay\": 3600, \"result\": 1}");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void start_withTheSameNameAndOtherInput_isExecutionAlreadyExists() {
        start("wait-then-succeed", "taken-name", "{\"delay\": 3600, \"result\": 1}");

        assertThatThrownBy(() -> start("wait-then-succeed", "taken-name", "{\"delay\": 1}"))
                .isInstanceOfSatisfying(
                        StepFunctionsException.class, e -> assertThat(e.code()).isEqualTo("ExecutionAlreadyExists"));
    }

    @Test
    void wait_firesWhenTheClockReachesItsDueTime() {
        var started = start("wait-then-succeed", "waiting", "{\"delay\": 600, \"result\": {\"done\": true}}");

        var closed = awaitClosed(started.executionArn(), Duration.ofMinutes(1));

        assertThat(closed.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(closed.output()).isEqualTo("{\"done\":true}");
    }

    private static ExecutionResult inMemory(String fixture, String input) {
        var context = new ExecutionContext(
                "arn:aws:states:us-east-1:123456789012:execution:runtime-test:oracle",
                "oracle",
                Json.parse(input),
                START,
                "arn:aws:iam::123456789012:role/runtime-test",
                STATE_MACHINE_ARN,
                "runtime-test",
                0);
        return new InMemoryRunner(request -> new TaskResult.Failed("NoTasks", null), TestScopes.RANDOM)
                .run(DefinitionParser.parse(Json.parse(fixture(fixture))), context);
    }

    /** Events without timestamps and with the execution-specific names masked. */
    private static List<JsonNode> comparable(List<ExecutionService.StoredEvent> events) {
        return events.stream()
                .map(e -> {
                    var json = Json.NODES.objectNode();
                    json.put("id", e.id());
                    json.put("previousEventId", e.previousEventId());
                    json.put("type", e.type().name());
                    if (e.details() != null && e.type().detailsKey() != null) {
                        json.set(e.type().detailsKey(), e.details());
                    }
                    return (JsonNode) masked(json);
                })
                .toList();
    }

    private static List<JsonNode> comparableOracle(List<HistoryEvent> events) {
        return events.stream()
                .map(e -> (JsonNode) masked(HistoryEventJson.toJson(e, null)))
                .toList();
    }

    private static JsonNode masked(JsonNode event) {
        return Json.parse(Json.text(event).replaceAll("arn:aws:states:[^\"\\\\]*", "<arn>"));
    }
}
