package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import org.springframework.stereotype.Component;

/** DeleteStateMachine: deletes a machine with its versions, aliases and tags. */
@Component
public final class DeleteStateMachine implements Action<DeleteStateMachine.Input, DeleteStateMachine.Output> {

    private final StateMachineCatalog catalog;

    DeleteStateMachine(StateMachineCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String stateMachineArn) {}

    public record Output() {}

    @Override
    public String name() {
        return "DeleteStateMachine";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .required("stateMachineArn", input.stateMachineArn())
                .length("stateMachineArn", input.stateMachineArn(), 1, 256)
                .throwIfAny();
        switch (StateMachineRef.parse(input.stateMachineArn())) {
            case StateMachineRef.Latest latest -> catalog.delete(latest);
            case StateMachineRef.Version version ->
                throw StepFunctionsException.validation(
                        "Cannot delete a state machine by a version ARN: use DeleteStateMachineVersion for '"
                                + version.arn() + "'");
            case StateMachineRef.Alias alias ->
                throw StepFunctionsException.validation(
                        "Cannot delete a state machine by an alias ARN: use DeleteStateMachineAlias for '" + alias.arn()
                                + "'");
        }
        return new Output();
    }
}
