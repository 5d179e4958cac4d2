package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** CreateStateMachineAlias: a name routing executions to one or two versions by weight. */
@Component
public final class CreateStateMachineAlias
        implements Action<CreateStateMachineAlias.Input, CreateStateMachineAlias.Output> {

    /** AWS's alias name pattern: at least one non-digit, so that an alias never reads as a version. */
    static final Pattern NAME = Pattern.compile("^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$");

    private final AliasCatalog catalog;

    CreateStateMachineAlias(AliasCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String description, String name, List<RoutingConfigurationListItem> routingConfiguration) {}

    public record Output(String stateMachineAliasArn, Instant creationDate) {}

    @Override
    public String name() {
        return "CreateStateMachineAlias";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        Violations violations = new Violations()
                .length("description", input.description(), 0, 256)
                .required("name", input.name())
                .length("name", input.name(), 1, 80);
        if (input.name() != null && input.name().length() <= 80) {
            violations.pattern("name", input.name(), NAME);
        }
        violations.required("routingConfiguration", input.routingConfiguration());
        Routing.validate(violations, input.routingConfiguration());
        violations.throwIfAny();
        try {
            return catalog.create(input.name(), input.description(), input.routingConfiguration());
        } catch (DataIntegrityViolationException concurrentCreate) {
            // The same alias was created concurrently: answer as a repeat (same config) or a conflict.
            return catalog.create(input.name(), input.description(), input.routingConfiguration());
        }
    }
}
