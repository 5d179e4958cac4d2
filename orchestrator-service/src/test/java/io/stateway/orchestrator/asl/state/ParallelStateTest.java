package io.stateway.orchestrator.asl.state;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.Workflows;
import org.junit.jupiter.api.Test;

class ParallelStateTest {

    @Test
    void parallel_collectsBranchOutputsInBranchOrder() {
        ExecutionResult result = Workflows.run("parallel-branches", "{\"value\": 7}");

        assertThat(result.output()).isEqualTo(json("{\"value\": 7, \"results\": [\"left\", 7]}"));
        assertThat(Workflows.types(result))
                .containsExactly(
                        "ExecutionStarted",
                        "ParallelStateEntered",
                        "ParallelStateStarted",
                        "PassStateEntered",
                        "PassStateExited",
                        "PassStateEntered",
                        "PassStateExited",
                        "ParallelStateSucceeded",
                        "ParallelStateExited",
                        "ExecutionSucceeded");
    }

    @Test
    void parallel_aFailingBranchFailsTheState_whichItsCatchHandles() {
        ExecutionResult result = Workflows.run("parallel-branch-fails", "{}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(json("{\"Error\": \"Boom\", \"Cause\": \"branch 2\"}"));
        assertThat(Workflows.types(result)).contains("ParallelStateFailed").doesNotContain("ParallelStateSucceeded");
    }
}
