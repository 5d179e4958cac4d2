package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.EncryptionConfiguration;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * UpdateStateMachine: changes a machine's definition, role, logging or tracing. Executions already
 * running keep the definition they started with.
 */
@Component
public final class UpdateStateMachine implements Action<UpdateStateMachine.Input, UpdateStateMachine.Output> {

    private final StateMachineCatalog catalog;

    UpdateStateMachine(StateMachineCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(
            String stateMachineArn,
            String definition,
            String roleArn,
            LoggingConfiguration loggingConfiguration,
            TracingConfiguration tracingConfiguration,
            Boolean publish,
            String versionDescription,
            EncryptionConfiguration encryptionConfiguration) {}

    public record Output(Instant updateDate, String revisionId, String stateMachineVersionArn) {}

    @Override
    public String name() {
        return "UpdateStateMachine";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        Violations violations = new Violations()
                .required("stateMachineArn", input.stateMachineArn())
                .length("stateMachineArn", input.stateMachineArn(), 1, 256)
                .sensitiveLength("definition", input.definition(), 1, 1_048_576)
                .length("roleArn", input.roleArn(), 1, 256)
                .length("versionDescription", input.versionDescription(), 0, 256);
        Configurations.validate(violations, input.loggingConfiguration(), input.encryptionConfiguration());
        violations.throwIfAny();
        Configurations.checkVersionDescription(input.publish(), input.versionDescription());
        StateMachineRef ref = StateMachineRef.parse(input.stateMachineArn());
        if (!(ref instanceof StateMachineRef.Latest latest)) {
            throw StepFunctionsException.stateMachineDoesNotExist(input.stateMachineArn());
        }
        boolean publish = input.publish() != null && input.publish();
        if (input.definition() == null
                && input.roleArn() == null
                && input.loggingConfiguration() == null
                && input.tracingConfiguration() == null
                && input.encryptionConfiguration() == null) {
            throw new StepFunctionsException(
                    "MissingRequiredParameter",
                    "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
        }
        if (input.roleArn() != null) {
            Configurations.checkRoleArn(input.roleArn());
        }
        Configurations.checkLogging(input.loggingConfiguration());
        Configurations.checkEncryption(input.encryptionConfiguration());
        return catalog.update(
                latest,
                new StateMachineCatalog.Changes(
                        input.definition(),
                        input.roleArn(),
                        input.loggingConfiguration(),
                        input.tracingConfiguration(),
                        input.encryptionConfiguration(),
                        publish,
                        input.versionDescription()));
    }
}
