package io.stateway.orchestrator.api.statemachine;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.PageTokens;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** ListStateMachines: all state machines, by name, a page at a time. */
@Component
public final class ListStateMachines implements Action<ListStateMachines.Input, ListStateMachines.Output> {

    private final StateMachineCatalog catalog;

    ListStateMachines(StateMachineCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(Integer maxResults, String nextToken) {}

    public record Output(List<Item> stateMachines, String nextToken) {}

    public record Item(String stateMachineArn, String name, String type, Instant creationDate) {}

    @Override
    public String name() {
        return "ListStateMachines";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .range("maxResults", input.maxResults(), 0, 1000)
                .length("nextToken", input.nextToken(), 1, 1024)
                .throwIfAny();
        return catalog.list(PageTokens.pageSize(input.maxResults()), input.nextToken());
    }
}
