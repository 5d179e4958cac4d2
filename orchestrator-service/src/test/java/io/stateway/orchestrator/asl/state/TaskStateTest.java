package io.stateway.orchestrator.asl.state;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.Workflows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskStateTest {

    @Test
    void task_onSuccess_appliesResultSelectorAndResultPath() {
        ExecutionResult result = Workflows.run(
                "task-retry-catch", "{\"amount\": 5}", request -> new TaskResult.Succeeded(json("{\"id\": \"r-1\"}")));

        assertThat(result.output()).isEqualTo(json("{\"amount\": 5, \"charge\": {\"receipt\": \"r-1\"}}"));
        assertThat(Workflows.types(result))
                .containsExactly(
                        "ExecutionStarted",
                        "TaskStateEntered",
                        "LambdaFunctionScheduled",
                        "LambdaFunctionStarted",
                        "LambdaFunctionSucceeded",
                        "TaskStateExited",
                        "ExecutionSucceeded");
    }

    @Test
    void task_retriesAMatchingErrorWithBackoff_thenSucceeds() {
        List<TaskRequest> calls = new ArrayList<>();
        ExecutionResult result = Workflows.run("task-retry-catch", "{}", request -> {
            calls.add(request);
            return calls.size() < 3
                    ? new TaskResult.Failed("Flaky", "try again")
                    : new TaskResult.Succeeded(json("{\"id\": \"r-3\"}"));
        });

        assertThat(calls).hasSize(3);
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // Back-offs of 2 s then 6 s on the virtual clock.
        assertThat(result.stopDate()).isEqualTo(Workflows.START.plusSeconds(8));
    }

    @Test
    void task_whenRetriesAreExhausted_isCaughtWithTheErrorAtItsResultPath() {
        ExecutionResult result = Workflows.run(
                "task-retry-catch", "{\"amount\": 5}", request -> new TaskResult.Failed("Flaky", "still down"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output())
                .isEqualTo(json("{\"amount\": 5, \"error\": {\"Error\": \"Flaky\", \"Cause\": \"still down\"}}"));
    }

    @Test
    void task_anErrorNoRetrierMatches_isCaughtAtOnce() {
        List<TaskRequest> calls = new ArrayList<>();
        ExecutionResult result = Workflows.run("task-retry-catch", "{}", request -> {
            calls.add(request);
            return new TaskResult.Failed("Declined", "card declined");
        });

        assertThat(calls).hasSize(1);
        assertThat(result.output().get("error").get("Error").asString()).isEqualTo("Declined");
    }
}
