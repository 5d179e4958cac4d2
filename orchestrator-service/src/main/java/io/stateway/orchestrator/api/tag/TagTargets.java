package io.stateway.orchestrator.api.tag;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.StatesArn;
import java.util.List;
import org.springframework.stereotype.Component;

/** Finds the resource a tagging request names, or answers {@code ResourceNotFound} as AWS does. */
@Component
class TagTargets {

    private final List<TaggedResources> kinds;

    TagTargets(List<TaggedResources> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** The resource's ARN, parsed, if it exists; {@code InvalidArn} or {@code ResourceNotFound} otherwise. */
    StatesArn requireExisting(String resourceArn) {
        StatesArn arn = StatesArn.parse(resourceArn);
        boolean exists = kinds.stream()
                .filter(kind -> kind.resourceType().equals(arn.resourceType()))
                .anyMatch(kind -> kind.exists(arn));
        if (!exists) {
            throw new StepFunctionsException("ResourceNotFound", "Resource not found: '" + resourceArn + "'");
        }
        return arn;
    }
}
