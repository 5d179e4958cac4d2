package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import org.springframework.stereotype.Component;

/** DeleteStateMachineVersion: deletes a version no alias routes to. */
@Component
public final class DeleteStateMachineVersion
        implements Action<DeleteStateMachineVersion.Input, DeleteStateMachineVersion.Output> {

    private final VersionCatalog catalog;

    DeleteStateMachineVersion(VersionCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String stateMachineVersionArn) {}

    public record Output() {}

    @Override
    public String name() {
        return "DeleteStateMachineVersion";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .required("stateMachineVersionArn", input.stateMachineVersionArn())
                .length("stateMachineVersionArn", input.stateMachineVersionArn(), 1, 2000)
                .throwIfAny();
        if (!(StateMachineRef.parse(input.stateMachineVersionArn()) instanceof StateMachineRef.Version version)) {
            throw new StepFunctionsException(
                    "InvalidArn",
                    "Invalid Arn: 'Not a state machine version ARN: " + input.stateMachineVersionArn() + "'");
        }
        catalog.delete(version);
        return new Output();
    }
}
