package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.runtime.ExecutionService;
import org.springframework.stereotype.Component;

/** SendTaskSuccess: answers a {@code .waitForTaskToken} task (or an activity task) with its output. */
@Component
public final class SendTaskSuccess implements Action<SendTaskSuccess.Input, SendTaskSuccess.Output> {

    private final ExecutionService executions;

    SendTaskSuccess(ExecutionService executions) {
        this.executions = executions;
    }

    public record Input(String taskToken, String output) {}

    public record Output() {}

    @Override
    public String name() {
        return "SendTaskSuccess";
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
                .required("output", input.output())
                .sensitiveLength("output", input.output(), 0, 262_144)
                .throwIfAny();
        executions.sendTaskSuccess(input.taskToken(), input.output());
        return new Output();
    }
}
