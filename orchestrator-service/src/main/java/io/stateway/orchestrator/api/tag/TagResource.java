package io.stateway.orchestrator.api.tag;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import java.util.List;
import org.springframework.stereotype.Component;

/** TagResource: adds tags to a state machine or activity (overwriting the values of existing keys). */
@Component
public final class TagResource implements Action<TagResource.Input, TagResource.Output> {

    private final TagTargets targets;
    private final Tags tags;

    TagResource(TagTargets targets, Tags tags) {
        this.targets = targets;
        this.tags = tags;
    }

    public record Input(String resourceArn, List<Tag> tags) {}

    public record Output() {}

    @Override
    public String name() {
        return "TagResource";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        Violations violations = new Violations()
                .required("resourceArn", input.resourceArn())
                .length("resourceArn", input.resourceArn(), 1, 256)
                .required("tags", input.tags());
        Tags.validate(violations, "tags", input.tags());
        violations.throwIfAny();
        tags.add(targets.requireExisting(input.resourceArn()).text(), input.tags());
        return new Output();
    }
}
