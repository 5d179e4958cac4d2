package io.stateway.orchestrator.api.tag;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import java.util.List;
import org.springframework.stereotype.Component;

/** ListTagsForResource: the tags of a state machine or activity, by key. */
@Component
public final class ListTagsForResource implements Action<ListTagsForResource.Input, ListTagsForResource.Output> {

    private final TagTargets targets;
    private final Tags tags;

    ListTagsForResource(TagTargets targets, Tags tags) {
        this.targets = targets;
        this.tags = tags;
    }

    public record Input(String resourceArn) {}

    public record Output(List<Tag> tags) {}

    @Override
    public String name() {
        return "ListTagsForResource";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .required("resourceArn", input.resourceArn())
                .length("resourceArn", input.resourceArn(), 1, 256)
                .throwIfAny();
        return new Output(tags.list(targets.requireExisting(input.resourceArn()).text()));
    }
}
