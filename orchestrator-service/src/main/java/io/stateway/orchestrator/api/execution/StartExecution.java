package io.stateway.orchestrator.api.execution;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Names;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.api.statemachine.ExecutionTargets;
import io.stateway.orchestrator.runtime.ExecutionService;
import io.stateway.orchestrator.runtime.StartExecutionCommand;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * StartExecution: runs a state machine, one of its versions, or an alias (which picks a version by
 * weight). Idempotent by name while the first execution runs with the same input (the runtime's
 * promise, RELIABILITY.md §1).
 */
@Component
public final class StartExecution implements Action<StartExecution.Input, StartExecution.Output> {

    static final Pattern TRACE_HEADER = Pattern.compile("\\p{ASCII}*");

    private final ExecutionTargets targets;
    private final ExecutionService executions;

    StartExecution(ExecutionTargets targets, ExecutionService executions) {
        this.targets = targets;
        this.executions = executions;
    }

    public record Input(String stateMachineArn, String name, String input, String traceHeader) {}

    public record Output(String executionArn, Instant startDate) {}

    @Override
    public String name() {
        return "StartExecution";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        Resolved resolved = resolve(
                targets, input.stateMachineArn(), input.name(), input.input(), input.traceHeader(), new Violations());
        // Express executions are not de-duplicated by name (RELIABILITY.md §1): they run in memory.
        ExecutionService.Started started = resolved.type() == StateMachineType.EXPRESS
                ? executions.startExpress(resolved.command())
                : executions.start(resolved.command());
        return new Output(started.executionArn(), started.startDate());
    }

    /** What a start request runs, and the type of its state machine. */
    record Resolved(StartExecutionCommand command, StateMachineType type) {}

    /**
     * Validates a start request (shared with StartSyncExecution) and resolves what it runs; the
     * runtime checks the input's JSON and size.
     */
    static Resolved resolve(
            ExecutionTargets targets,
            String stateMachineArn,
            String name,
            String executionInput,
            String traceHeader,
            Violations violations) {
        violations
                .required("stateMachineArn", stateMachineArn)
                .length("stateMachineArn", stateMachineArn, 1, 256)
                .length("name", name, 1, 80)
                .sensitiveLength("input", executionInput, 0, 262_144)
                .length("traceHeader", traceHeader, 0, 256)
                .pattern("traceHeader", traceHeader, TRACE_HEADER)
                .throwIfAny();
        if (name != null) {
            Names.check(name);
        }
        if (executionInput != null && executionInput.isBlank()) {
            throw new StepFunctionsException(
                    "InvalidExecutionInput", "Invalid State Machine Execution Input: 'Invalid execution input.'");
        }
        ExecutionTargets.Target target = targets.forStart(stateMachineArn);
        return new Resolved(
                new StartExecutionCommand(
                        target.stateMachineArn(),
                        target.stateMachineName(),
                        target.versionArn(),
                        target.aliasArn(),
                        target.roleArn(),
                        target.definition(),
                        name,
                        executionInput,
                        traceHeader),
                target.type());
    }
}
