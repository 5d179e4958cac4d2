package io.stateway.orchestrator.asl.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.ExecutionStatus;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.runner.ExecutionResult;
import io.stateway.orchestrator.asl.runner.Workflows;
import org.junit.jupiter.api.Test;

class FailStateTest {

    @Test
    void fail_takesItsErrorFromAPathAndItsCauseFromAnIntrinsic() {
        ExecutionResult result = Workflows.run("fail-path", "{\"code\": \"Rejected\", \"order\": 17}");

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.failure()).isEqualTo(new Failure("Rejected", "order 17 rejected"));
        assertThat(Workflows.types(result)).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
    }

    @Test
    void fail_whenItsErrorPathFindsNothing_failsWithStatesRuntime() {
        ExecutionResult result = Workflows.run("fail-path", "{\"order\": 17}");

        assertThat(result.failure().error()).isEqualTo("States.Runtime");
        assertThat(result.failure().cause()).contains("The JSONPath '$.code' specified for the field 'ErrorPath'");
    }
}
