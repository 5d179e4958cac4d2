package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.EncryptionConfiguration;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** DescribeStateMachine: a machine's current configuration, or a version's (by its ARN). */
@Component
public final class DescribeStateMachine implements Action<DescribeStateMachine.Input, DescribeStateMachine.Output> {

    static final List<String> INCLUDED_DATA = List.of("ALL_DATA", "METADATA_ONLY");

    private final StateMachineCatalog catalog;

    DescribeStateMachine(StateMachineCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String stateMachineArn, String includedData) {}

    public record Output(
            String stateMachineArn,
            String name,
            String status,
            String definition,
            String roleArn,
            String type,
            Instant creationDate,
            LoggingConfiguration loggingConfiguration,
            TracingConfiguration tracingConfiguration,
            String revisionId,
            String description,
            EncryptionConfiguration encryptionConfiguration) {}

    @Override
    public String name() {
        return "DescribeStateMachine";
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
                .oneOf("includedData", input.includedData(), INCLUDED_DATA)
                .throwIfAny();
        return catalog.describe(StateMachineRef.parse(input.stateMachineArn()));
    }
}
