package io.stateway.orchestrator.api.execution;

import io.stateway.model.ExecutionStatus;
import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.api.statemachine.ExecutionTargets;
import io.stateway.orchestrator.runtime.ExecutionService;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** ListExecutions: a state machine's (or a version's, or an alias's) executions, newest first. */
@Component
public final class ListExecutions implements Action<ListExecutions.Input, ListExecutions.Output> {

    private static final List<String> REDRIVE_FILTERS = List.of("REDRIVEN", "NOT_REDRIVEN");

    private final ExecutionTargets targets;
    private final ExecutionService executions;

    ListExecutions(ExecutionTargets targets, ExecutionService executions) {
        this.targets = targets;
        this.executions = executions;
    }

    public record Input(
            String stateMachineArn,
            String statusFilter,
            Integer maxResults,
            String nextToken,
            String mapRunArn,
            String redriveFilter) {}

    public record Output(List<Item> executions, String nextToken) {}

    public record Item(
            String executionArn,
            String stateMachineArn,
            String name,
            String status,
            Instant startDate,
            Instant stopDate,
            String stateMachineVersionArn,
            String stateMachineAliasArn,
            Integer redriveCount,
            Instant redriveDate) {}

    @Override
    public String name() {
        return "ListExecutions";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .length("stateMachineArn", input.stateMachineArn(), 1, 256)
                .oneOf("statusFilter", input.statusFilter(), ExecutionData.STATUSES)
                .range("maxResults", input.maxResults(), 0, 1000)
                .length("nextToken", input.nextToken(), 1, 3096)
                .length("mapRunArn", input.mapRunArn(), 1, 2000)
                .oneOf("redriveFilter", input.redriveFilter(), REDRIVE_FILTERS)
                .throwIfAny();
        if (input.mapRunArn() != null) {
            throw new StepFunctionsException(
                    "ResourceNotFound",
                    "Map Run Does Not Exist: '" + input.mapRunArn() + "' (Stateway runs no Map Runs)");
        }
        if (input.stateMachineArn() == null) {
            throw StepFunctionsException.validation(
                    "1 validation error detected: Must provide a StateMachine ARN or MapRun ARN");
        }
        if (targets.forList(input.stateMachineArn()) != StateMachineType.STANDARD) {
            throw new StepFunctionsException(
                    "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
        }
        ExecutionService.Page<ExecutionService.ExecutionDescription> page = executions.list(
                input.stateMachineArn(),
                input.statusFilter() == null ? null : ExecutionStatus.valueOf(input.statusFilter()),
                input.maxResults() == null ? 0 : input.maxResults(),
                input.nextToken());
        return new Output(
                page.items().stream()
                        .filter(e -> matches(input.redriveFilter(), e))
                        .map(ListExecutions::item)
                        .toList(),
                page.nextToken());
    }

    private static boolean matches(String redriveFilter, ExecutionService.ExecutionDescription execution) {
        return redriveFilter == null || redriveFilter.equals("REDRIVEN") == execution.redriveCount() > 0;
    }

    private static Item item(ExecutionService.ExecutionDescription e) {
        return new Item(
                e.executionArn(),
                e.stateMachineArn(),
                e.name(),
                e.status().name(),
                e.startDate(),
                e.stopDate(),
                e.versionArn(),
                e.aliasArn(),
                e.redriveCount(),
                e.redriveDate());
    }
}
