package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.ApiClock;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.runtime.ExecutionService;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** DescribeExecution: an execution's status, input, output or error, and whether it can be redriven. */
@Component
public final class DescribeExecution implements Action<DescribeExecution.Input, DescribeExecution.Output> {

    private final ExecutionService executions;
    private final ApiClock clock;

    DescribeExecution(ExecutionService executions, ApiClock clock) {
        this.executions = executions;
        this.clock = clock;
    }

    public record Input(String executionArn, String includedData) {}

    public record Output(
            String executionArn,
            String stateMachineArn,
            String name,
            String status,
            Instant startDate,
            Instant stopDate,
            String input,
            ExecutionData.DataDetails inputDetails,
            String output,
            ExecutionData.DataDetails outputDetails,
            String traceHeader,
            String error,
            String cause,
            String stateMachineVersionArn,
            String stateMachineAliasArn,
            Integer redriveCount,
            Instant redriveDate,
            String redriveStatus,
            String redriveStatusReason) {}

    @Override
    public String name() {
        return "DescribeExecution";
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
        ExecutionArns.requireStandard(input.executionArn());
        ExecutionService.ExecutionDescription execution = executions.describe(input.executionArn());
        boolean data = !"METADATA_ONLY".equals(input.includedData());
        ExecutionData.Redrive redrive = ExecutionData.Redrive.of(execution, clock.now());
        return new Output(
                execution.executionArn(),
                execution.stateMachineArn(),
                execution.name(),
                execution.status().name(),
                execution.startDate(),
                execution.stopDate(),
                data ? execution.input() : null,
                new ExecutionData.DataDetails(data),
                data ? execution.output() : null,
                execution.output() == null ? null : new ExecutionData.DataDetails(data),
                execution.traceHeader(),
                execution.error(),
                execution.cause(),
                execution.versionArn(),
                execution.aliasArn(),
                execution.redriveCount(),
                execution.redriveDate(),
                redrive.status(),
                redrive.reason());
    }
}
