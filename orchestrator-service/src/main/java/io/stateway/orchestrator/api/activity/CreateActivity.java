package io.stateway.orchestrator.api.activity;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.EncryptionConfiguration;
import io.stateway.orchestrator.api.Names;
import io.stateway.orchestrator.api.StoredJson;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.api.tag.Tag;
import io.stateway.orchestrator.api.tag.Tags;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** CreateActivity: an activity, idempotent by name. */
@Component
public final class CreateActivity implements Action<CreateActivity.Input, CreateActivity.Output> {

    private final ActivityCatalog catalog;

    CreateActivity(ActivityCatalog catalog) {
        this.catalog = catalog;
    }

    public record Input(String name, List<Tag> tags, EncryptionConfiguration encryptionConfiguration) {}

    public record Output(String activityArn, Instant creationDate) {}

    @Override
    public String name() {
        return "CreateActivity";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        Violations violations = new Violations().required("name", input.name()).length("name", input.name(), 1, 80);
        Tags.validate(violations, "tags", input.tags());
        if (input.encryptionConfiguration() != null) {
            violations
                    .required(
                            "encryptionConfiguration.type",
                            input.encryptionConfiguration().type())
                    .oneOf(
                            "encryptionConfiguration.type",
                            input.encryptionConfiguration().type(),
                            EncryptionConfiguration.TYPES);
        }
        violations.throwIfAny();
        Names.check(input.name());
        if (input.encryptionConfiguration() != null
                && "CUSTOMER_MANAGED_KMS_KEY"
                        .equals(input.encryptionConfiguration().type())) {
            throw new StepFunctionsException(
                    "InvalidEncryptionConfiguration",
                    "Stateway does not support customer managed KMS keys; use AWS_OWNED_KEY");
        }
        String encryption = StoredJson.write(input.encryptionConfiguration());
        try {
            return catalog.create(input.name(), input.tags(), encryption);
        } catch (DataIntegrityViolationException concurrentCreate) {
            return catalog.create(input.name(), input.tags(), encryption);
        }
    }
}
