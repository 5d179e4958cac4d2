package io.stateway.orchestrator.api.protocol;

import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The actions of the AWS JSON 1.0 face, by name. A target that names no action is AWS's {@code
 * UnknownOperationException}; an action of the Step Functions API that Stateway does not offer is
 * answered as unsupported, so that callers can tell the two apart.
 */
@Component
class ActionRegistry {

    static final String TARGET_PREFIX = "AWSStepFunctions.";

    /** Actions of AWS's API that Stateway does not implement (Map Runs, TestState, activity workers). */
    static final Set<String> UNSUPPORTED =
            Set.of("DescribeMapRun", "ListMapRuns", "UpdateMapRun", "TestState", "GetActivityTask");

    private final Map<String, Action<?, ?>> actions;

    ActionRegistry(List<Action<?, ?>> actions) {
        this.actions = actions.stream().collect(Collectors.toUnmodifiableMap(Action::name, Function.identity()));
    }

    /** The action an {@code X-Amz-Target} header names. */
    Action<?, ?> find(String target) {
        String name =
                target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
        Action<?, ?> action = name == null ? null : actions.get(name);
        if (action != null) {
            return action;
        }
        if (name != null && UNSUPPORTED.contains(name)) {
            throw new StepFunctionsException(
                    "InvalidAction", "Stateway does not support the action " + name + " (see the README)");
        }
        throw new StepFunctionsException(
                "UnknownOperationException",
                "Unknown operation: " + (target == null ? "no X-Amz-Target header" : target));
    }

    Set<String> names() {
        return actions.keySet();
    }
}
