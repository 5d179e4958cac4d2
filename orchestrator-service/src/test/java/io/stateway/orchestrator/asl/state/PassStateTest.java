package io.stateway.orchestrator.asl.state;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.Workflows;
import org.junit.jupiter.api.Test;

class PassStateTest {

    @Test
    void pass_withParametersAndResultPath_mergesItsResultIntoTheInput() {
        ExecutionResult result = Workflows.run("pass-result-path", "{\"name\": \"Ada\"}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output())
                .isEqualTo(
                        json("{\"name\": \"Ada\", \"message\": {\"greeting\": \"Hello, Ada!\", \"source\": \"pass\"},"
                                + " \"constant\": {\"answer\": 42}}"));
    }

    @Test
    void pass_recordsEnteredAndExitedEventsChainedByPreviousEventId() {
        ExecutionResult result = Workflows.run("pass-result-path", "{\"name\": \"Ada\"}");

        assertThat(Workflows.types(result))
                .containsExactly(
                        "ExecutionStarted",
                        "PassStateEntered",
                        "PassStateExited",
                        "PassStateEntered",
                        "PassStateExited",
                        "ExecutionSucceeded");
        assertThat(result.history()).extracting(e -> e.previousEventId()).containsExactly(0L, 0L, 2L, 3L, 4L, 5L);
    }

    @Test
    void pass_withNullResultPath_keepsInput_andNullInputPath_passesEmptyObject() {
        ExecutionResult result = Workflows.run("pass-discard-and-empty", "{\"keep\": true}");

        assertThat(result.output()).isEqualTo(json("{}"));
    }

    @Test
    void pass_inJsonata_assignsVariablesVisibleFromTheNextState() {
        ExecutionResult result = Workflows.run("variables-jsonata", "{\"values\": [2, 4, 9]}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(json("{\"average\": 5, \"seen\": [2, 4, 9]}"));
    }
}
