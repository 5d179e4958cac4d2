package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.runtime.ExecutionService;
import org.springframework.stereotype.Component;

/** SendTaskHeartbeat: resets a task's HeartbeatSeconds clock (no history event, as on AWS). */
@Component
public final class SendTaskHeartbeat implements Action<SendTaskHeartbeat.Input, SendTaskHeartbeat.Output> {

    private final ExecutionService executions;

    SendTaskHeartbeat(ExecutionService executions) {
        this.executions = executions;
    }

    public record Input(String taskToken) {}

    public record Output() {}

    @Override
    public String name() {
        return "SendTaskHeartbeat";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .required("taskToken", input.taskToken())
                .length("taskToken", input.taskToken(), 1, 2048)
                .throwIfAny();
        executions.sendTaskHeartbeat(input.taskToken());
        return new Output();
    }
}
