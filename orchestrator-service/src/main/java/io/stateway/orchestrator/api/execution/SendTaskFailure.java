package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.runtime.ExecutionService;
import org.springframework.stereotype.Component;

/** SendTaskFailure: fails a {@code .waitForTaskToken} task with an error and cause its Retry/Catch see. */
@Component
public final class SendTaskFailure implements Action<SendTaskFailure.Input, SendTaskFailure.Output> {

    private final ExecutionService executions;

    SendTaskFailure(ExecutionService executions) {
        this.executions = executions;
    }

    public record Input(String taskToken, String error, String cause) {}

    public record Output() {}

    @Override
    public String name() {
        return "SendTaskFailure";
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
                .sensitiveLength("error", input.error(), 0, 256)
                .sensitiveLength("cause", input.cause(), 0, 32_768)
                .throwIfAny();
        executions.sendTaskFailure(input.taskToken(), input.error(), input.cause());
        return new Output();
    }
}
