package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** DescribeStateMachineAlias: an alias's routing and dates. */
@Component
public final class DescribeStateMachineAlias
        implements Action<DescribeStateMachineAlias.Input, DescribeStateMachineAlias.Output> {

    private final AliasCatalog catalog;

    DescribeStateMachineAlias(AliasCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String stateMachineAliasArn) {}

    public record Output(
            String stateMachineAliasArn,
            String name,
            String description,
            List<RoutingConfigurationListItem> routingConfiguration,
            Instant creationDate,
            Instant updateDate) {}

    @Override
    public String name() {
        return "DescribeStateMachineAlias";
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
        return catalog.describe(Aliases.ref(input.stateMachineAliasArn()));
    }
}
