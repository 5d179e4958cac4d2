package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.runtime.ExecutionService;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** RedriveExecution: restarts a failed, timed-out or aborted execution from the state where it stopped. */
@Component
public final class RedriveExecution implements Action<RedriveExecution.Input, RedriveExecution.Output> {

    private static final Pattern CLIENT_TOKEN = Pattern.compile("[!-~]+");

    private final ExecutionService executions;

    RedriveExecution(ExecutionService executions) {
        this.executions = executions;
    }

    public record Input(String executionArn, String clientToken) {}

    public record Output(Instant redriveDate) {}

    @Override
    public String name() {
        return "RedriveExecution";
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
                .length("clientToken", input.clientToken(), 1, 64)
                .pattern("clientToken", input.clientToken(), CLIENT_TOKEN)
                .throwIfAny();
        ExecutionArns.requireStandard(input.executionArn());
        return new Output(executions.redrive(input.executionArn(), input.clientToken()));
    }
}
