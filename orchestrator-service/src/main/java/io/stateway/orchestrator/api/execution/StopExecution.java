package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.runtime.ExecutionService;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** StopExecution: aborts a running execution ({@code ExecutionAborted}); a closed one is left as it is. */
@Component
public final class StopExecution implements Action<StopExecution.Input, StopExecution.Output> {

    private final ExecutionService executions;

    StopExecution(ExecutionService executions) {
        this.executions = executions;
    }

    public record Input(String executionArn, String error, String cause) {}

    public record Output(Instant stopDate) {}

    @Override
    public String name() {
        return "StopExecution";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .required("executionArn", input.executionArn())
                .length("executionArn", input.executionArn(), 1, 256)
                .sensitiveLength("error", input.error(), 0, 256)
                .sensitiveLength("cause", input.cause(), 0, 32_768)
                .throwIfAny();
        ExecutionArns.requireStandard(input.executionArn());
        return new Output(executions.stop(input.executionArn(), input.error(), input.cause()));
    }
}
