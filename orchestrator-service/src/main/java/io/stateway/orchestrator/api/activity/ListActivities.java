package io.stateway.orchestrator.api.activity;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.PageTokens;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** ListActivities: all activities, by name, a page at a time. */
@Component
public final class ListActivities implements Action<ListActivities.Input, ListActivities.Output> {

    private final ActivityCatalog catalog;

    ListActivities(ActivityCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(Integer maxResults, String nextToken) {}

    public record Output(List<Item> activities, String nextToken) {}

    public record Item(String activityArn, String name, Instant creationDate) {}

    @Override
    public String name() {
        return "ListActivities";
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
