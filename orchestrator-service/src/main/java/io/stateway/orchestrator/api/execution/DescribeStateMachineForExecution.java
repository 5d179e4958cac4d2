package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.api.statemachine.ExecutionTargets;
import io.stateway.orchestrator.api.statemachine.LoggingConfiguration;
import io.stateway.orchestrator.api.statemachine.TracingConfiguration;
import io.stateway.orchestrator.runtime.ExecutionService;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * DescribeStateMachineForExecution: the state machine as the execution ran it (its definition and
 * the revision it belonged to), even after the machine was updated or deleted.
 */
@Component
public final class DescribeStateMachineForExecution
        implements Action<DescribeStateMachineForExecution.Input, DescribeStateMachineForExecution.Output> {

    private final ExecutionService executions;
    private final ExecutionTargets targets;

    DescribeStateMachineForExecution(ExecutionService executions, ExecutionTargets targets) {
        this.executions = executions;
        this.targets = targets;
    }

    public record Input(String executionArn, String includedData) {}

    public record Output(
            String stateMachineArn,
            String name,
            String definition,
            String roleArn,
            Instant updateDate,
            LoggingConfiguration loggingConfiguration,
            TracingConfiguration tracingConfiguration,
            String revisionId) {}

    @Override
    public String name() {
        return "DescribeStateMachineForExecution";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .required("executionArn", input.executionArn())
                .length("executionArn", input.executionArn(), 1, 256)
                .oneOf("includedData", input.includedData(), ExecutionData.INCLUDED_DATA)
                .throwIfAny();
        ExecutionArns.requireAny(input.executionArn());
        ExecutionService.ExecutionDescription execution = executions.describe(input.executionArn());
        Optional<ExecutionTargets.Revision> revision = targets.revisionOf(execution);
        return new Output(
                execution.stateMachineArn(),
                execution.stateMachineName(),
                execution.definition(),
                revision.map(ExecutionTargets.Revision::roleArn).orElse(null),
                revision.map(ExecutionTargets.Revision::updateDate).orElse(execution.startDate()),
                revision.map(ExecutionTargets.Revision::loggingConfiguration).orElse(null),
                revision.map(ExecutionTargets.Revision::tracingConfiguration).orElse(null),
                revision.map(ExecutionTargets.Revision::revisionId).orElse(null));
    }
}
