package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** PublishStateMachineVersion: an immutable, numbered version of the machine's current revision. */
@Component
public final class PublishStateMachineVersion
        implements Action<PublishStateMachineVersion.Input, PublishStateMachineVersion.Output> {

    private final VersionCatalog catalog;

    PublishStateMachineVersion(VersionCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String stateMachineArn, String revisionId, String description) {}

    public record Output(Instant creationDate, String stateMachineVersionArn) {}

    @Override
    public String name() {
        return "PublishStateMachineVersion";
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
                .length("description", input.description(), 0, 256)
                .throwIfAny();
        if (!(StateMachineRef.parse(input.stateMachineArn()) instanceof StateMachineRef.Latest latest)) {
            throw StepFunctionsException.stateMachineDoesNotExist(input.stateMachineArn());
        }
        return catalog.publish(latest, input.revisionId(), input.description());
    }
}
