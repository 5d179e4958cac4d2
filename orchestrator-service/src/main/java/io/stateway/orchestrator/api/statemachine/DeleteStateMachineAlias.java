package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import org.springframework.stereotype.Component;

/** DeleteStateMachineAlias: deletes an alias (its versions stay). */
@Component
public final class DeleteStateMachineAlias
        implements Action<DeleteStateMachineAlias.Input, DeleteStateMachineAlias.Output> {

    private final AliasCatalog catalog;

    DeleteStateMachineAlias(AliasCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String stateMachineAliasArn) {}

    public record Output() {}

    @Override
    public String name() {
        return "DeleteStateMachineAlias";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .required("stateMachineAliasArn", input.stateMachineAliasArn())
                .length("stateMachineAliasArn", input.stateMachineAliasArn(), 1, 256)
                .throwIfAny();
        catalog.delete(Aliases.ref(input.stateMachineAliasArn()));
        return new Output();
    }
}
