package io.stateway.orchestrator.api.execution;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.runtime.ExecutionService;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** GetExecutionHistory: an execution's events with AWS's names and detail shapes, a page at a time. */
@Component
public final class GetExecutionHistory implements Action<GetExecutionHistory.Input, GetExecutionHistory.Output> {

    private final ExecutionService executions;

    GetExecutionHistory(ExecutionService executions) {
        this.executions = executions;
    }

    public record Input(
            String executionArn,
            Integer maxResults,
            Boolean reverseOrder,
            String nextToken,
            Boolean includeExecutionData) {}

    /** The events, each a map in AWS's HistoryEvent shape. */
    public record Output(List<Map<String, Object>> events, String nextToken) {}

    @Override
    public String name() {
        return "GetExecutionHistory";
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
                .range("maxResults", input.maxResults(), 0, 1000)
                .length("nextToken", input.nextToken(), 1, 1024)
                .throwIfAny();
        ExecutionArns.requireStandard(input.executionArn());
        ExecutionService.Page<ExecutionService.StoredEvent> page = executions.history(
                input.executionArn(),
                input.maxResults() == null ? 0 : input.maxResults(),
                input.nextToken(),
                input.reverseOrder() != null && input.reverseOrder(),
                input.includeExecutionData() == null || input.includeExecutionData());
        return new Output(page.items().stream().map(ExecutionData::event).toList(), page.nextToken());
    }
}
