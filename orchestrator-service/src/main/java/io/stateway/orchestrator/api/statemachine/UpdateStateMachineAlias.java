package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** UpdateStateMachineAlias: changes an alias's description or routing. */
@Component
public final class UpdateStateMachineAlias
        implements Action<UpdateStateMachineAlias.Input, UpdateStateMachineAlias.Output> {

    private final AliasCatalog catalog;

    UpdateStateMachineAlias(AliasCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(
            String stateMachineAliasArn, String description, List<RoutingConfigurationListItem> routingConfiguration) {}

    public record Output(Instant updateDate) {}

    @Override
    public String name() {
        return "UpdateStateMachineAlias";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        Violations violations = new Violations()
                .required("stateMachineAliasArn", input.stateMachineAliasArn())
                .length("stateMachineAliasArn", input.stateMachineAliasArn(), 1, 256)
                .length("description", input.description(), 0, 256);
        Routing.validate(violations, input.routingConfiguration());
        violations.throwIfAny();
        if (input.description() == null && input.routingConfiguration() == null) {
            throw new StepFunctionsException(
                    "MissingRequiredParameter", "Either the description or the RoutingConfiguration must be specified");
        }
        return new Output(catalog.update(
                Aliases.ref(input.stateMachineAliasArn()), input.description(), input.routingConfiguration()));
    }
}
