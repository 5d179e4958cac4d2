package io.stateway.orchestrator.api.statemachine;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.EncryptionConfiguration;
import io.stateway.orchestrator.api.Names;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.api.tag.Tag;
import io.stateway.orchestrator.api.tag.Tags;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** CreateStateMachine: a new state machine (and its first version, with {@code publish}). */
@Component
public final class CreateStateMachine implements Action<CreateStateMachine.Input, CreateStateMachine.Output> {

    private final StateMachineCatalog catalog;
    private final DefinitionChecks definitions;

    CreateStateMachine(StateMachineCatalog catalog, DefinitionChecks definitions) {
        this.catalog = catalog;
        this.definitions = definitions;
    }

    public record Input(
            String name,
            String definition,
            String roleArn,
            String type,
            LoggingConfiguration loggingConfiguration,
            List<Tag> tags,
            TracingConfiguration tracingConfiguration,
            Boolean publish,
            String versionDescription,
            EncryptionConfiguration encryptionConfiguration) {}

    public record Output(String stateMachineArn, Instant creationDate, String stateMachineVersionArn) {}

    @Override
    public String name() {
        return "CreateStateMachine";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        Violations violations = new Violations()
                .required("name", input.name())
                .length("name", input.name(), 1, 80)
                .required("definition", input.definition())
                .sensitiveLength("definition", input.definition(), 1, 1_048_576)
                .required("roleArn", input.roleArn())
                .length("roleArn", input.roleArn(), 1, 256)
                .oneOf("type", input.type(), Configurations.TYPES)
                .length("versionDescription", input.versionDescription(), 0, 256);
        Tags.validate(violations, "tags", input.tags());
        Configurations.validate(violations, input.loggingConfiguration(), input.encryptionConfiguration());
        violations.throwIfAny();
        Configurations.checkVersionDescription(input.publish(), input.versionDescription());
        Names.check(input.name());
        Configurations.checkRoleArn(input.roleArn());
        Configurations.checkLogging(input.loggingConfiguration());
        Configurations.checkEncryption(input.encryptionConfiguration());
        StateMachineType type =
                input.type() == null ? StateMachineType.STANDARD : StateMachineType.valueOf(input.type());
        definitions.requireValid(input.definition(), type);

        StateMachineCatalog.NewMachine request = new StateMachineCatalog.NewMachine(
                input.name(),
                type,
                input.definition(),
                input.roleArn(),
                input.loggingConfiguration() == null ? LoggingConfiguration.defaults() : input.loggingConfiguration(),
                input.tracingConfiguration() != null
                        && input.tracingConfiguration().isEnabled(),
                input.encryptionConfiguration(),
                input.tags(),
                input.publish() != null && input.publish(),
                input.versionDescription());
        try {
            return catalog.create(request);
        } catch (DataIntegrityViolationException concurrentCreate) {
            // Another request created the same name between our check and insert: answer as a repeat.
            return catalog.create(request);
        }
    }
}
