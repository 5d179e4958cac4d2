package io.stateway.orchestrator.api.execution;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.api.statemachine.ExecutionTargets;
import io.stateway.orchestrator.runtime.ExecutionService;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** StartSyncExecution: runs an Express state machine to its end and answers with the result. */
@Component
public final class StartSyncExecution implements Action<StartSyncExecution.Input, StartSyncExecution.Output> {

    private final ExecutionTargets targets;
    private final ExecutionService executions;

    StartSyncExecution(ExecutionTargets targets, ExecutionService executions) {
        this.targets = targets;
        this.executions = executions;
    }

    public record Input(String stateMachineArn, String name, String input, String traceHeader, String includedData) {}

    public record Output(
            String executionArn,
            String stateMachineArn,
            String name,
            Instant startDate,
            Instant stopDate,
            String status,
            String error,
            String cause,
            String input,
            ExecutionData.DataDetails inputDetails,
            String output,
            ExecutionData.DataDetails outputDetails,
            String traceHeader,
            BillingDetails billingDetails) {}

    public record BillingDetails(Long billedMemoryUsedInMB, Long billedDurationInMilliseconds) {}

    @Override
    public String name() {
        return "StartSyncExecution";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        Violations violations =
                new Violations().oneOf("includedData", input.includedData(), ExecutionData.INCLUDED_DATA);
        StartExecution.Resolved resolved = StartExecution.resolve(
                targets, input.stateMachineArn(), input.name(), input.input(), input.traceHeader(), violations);
        if (resolved.type() != StateMachineType.EXPRESS) {
            throw new StepFunctionsException(
                    "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
        }
        ExecutionService.SyncResult result = executions.startSync(resolved.command());
        ExecutionService.ExecutionDescription execution = result.execution();
        boolean data = !"METADATA_ONLY".equals(input.includedData());
        return new Output(
                execution.executionArn(),
                execution.stateMachineArn(),
                execution.name(),
                execution.startDate(),
                execution.stopDate(),
                execution.status().name(),
                execution.error(),
                execution.cause(),
                data ? execution.input() : null,
                new ExecutionData.DataDetails(data),
                data ? execution.output() : null,
                new ExecutionData.DataDetails(data),
                execution.traceHeader(),
                new BillingDetails(64L, result.billedDurationMillis()));
    }
}
