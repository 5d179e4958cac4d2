package io.stateway.orchestrator.api.activity;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.EncryptionConfiguration;
import io.stateway.orchestrator.api.StatesArn;
import io.stateway.orchestrator.api.Violations;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** DescribeActivity: an activity's name and creation date. */
@Component
public final class DescribeActivity implements Action<DescribeActivity.Input, DescribeActivity.Output> {

    private final ActivityCatalog catalog;

    DescribeActivity(ActivityCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String activityArn) {}

    public record Output(
            String activityArn, String name, Instant creationDate, EncryptionConfiguration encryptionConfiguration) {}

    @Override
    public String name() {
        return "DescribeActivity";
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
        return catalog.describe(StatesArn.parse(input.activityArn(), "activity"));
    }
}
