package io.stateway.orchestrator.api.tag;

import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import java.util.List;
import org.springframework.stereotype.Component;

/** UntagResource: removes tags by key; keys the resource does not have are ignored. */
@Component
public final class UntagResource implements Action<UntagResource.Input, UntagResource.Output> {

    private final TagTargets targets;
    private final Tags tags;

    UntagResource(TagTargets targets, Tags tags) {
        this.targets = targets;
        this.tags = tags;
    }

    public record Input(String resourceArn, List<String> tagKeys) {}

    public record Output() {}

    @Override
    public String name() {
        return "UntagResource";
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
                .required("tagKeys", input.tagKeys());
        if (input.tagKeys() != null) {
            for (int i = 0; i < input.tagKeys().size(); i++) {
                String member = "tagKeys." + (i + 1) + ".member";
                violations
                        .required(member, input.tagKeys().get(i))
                        .length(member, input.tagKeys().get(i), 1, 128);
            }
        }
        violations.throwIfAny();
        tags.remove(targets.requireExisting(input.resourceArn()).text(), input.tagKeys());
        return new Output();
    }
}
