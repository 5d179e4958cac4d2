package io.stateway.orchestrator.api.activity;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.StatesArn;
import io.stateway.orchestrator.api.Violations;
import org.springframework.stereotype.Component;

/** DeleteActivity: deletes an activity and its tags. */
@Component
public final class DeleteActivity implements Action<DeleteActivity.Input, DeleteActivity.Output> {

    private final ActivityCatalog catalog;

    DeleteActivity(ActivityCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String activityArn) {}

    public record Output() {}

    @Override
    public String name() {
        return "DeleteActivity";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .required("activityArn", input.activityArn())
                .length("activityArn", input.activityArn(), 1, 256)
                .throwIfAny();
        catalog.delete(StatesArn.parse(input.activityArn(), "activity"));
        return new Output();
    }
}
