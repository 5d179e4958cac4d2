package io.stateway.orchestrator.asl.state;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.Workflows;
import org.junit.jupiter.api.Test;

class MapStateTest {

    @Test
    void map_runsTheProcessorPerItem_withItemSelectorSeeingMapItemAndTheInput() {
        ExecutionResult result = Workflows.run("map-items", "{\"orders\": [\"a\", \"b\"], \"customer\": \"c-1\"}");

        assertThat(result.output())
                .isEqualTo(json(
                        "[{\"line\": \"0:a\", \"customer\": \"c-1\"}, {\"line\": \"1:b\", \"customer\": \"c-1\"}]"));
        assertThat(Workflows.types(result))
                .containsSubsequence(
                        "MapStateStarted",
                        "MapIterationStarted",
                        "MapIterationSucceeded",
                        "MapIterationStarted",
                        "MapIterationSucceeded",
                        "MapStateSucceeded",
                        "MapStateExited");
    }

    @Test
    void map_withinToleratedFailures_succeeds() {
        ExecutionResult result = Workflows.run("map-tolerated-failures", "[1, 5, 2]");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void map_beyondToleratedFailures_failsWithExceedToleratedFailureThreshold() {
        ExecutionResult result = Workflows.run("map-tolerated-failures", "[3, 5, 2]");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.failure().error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void map_withItemBatcher_givesEachIterationABatchWithItsBatchInput() {
        ExecutionResult result = Workflows.run("map-item-batcher", "{\"numbers\": [1, 2, 3, 4, 5], \"run\": \"r-7\"}");

        assertThat(result.output())
                .isEqualTo(json("[{\"run\": \"r-7\", \"size\": 2}, {\"run\": \"r-7\", \"size\": 2},"
                        + " {\"run\": \"r-7\", \"size\": 1}]"));
    }

    @Test
    void map_overAnInputThatIsNotAnArray_failsWithStatesRuntime() {
        ExecutionResult result = Workflows.run("map-items", "{\"orders\": \"none\"}");

        assertThat(result.failure().error()).isEqualTo("States.Runtime");
        assertThat(result.failure().cause()).endsWith("Map state input must be an array but was: \"none\"");
    }
}
