package io.stateway.orchestrator.api.rest;

import io.stateway.orchestrator.api.Arns;
import org.springframework.stereotype.Component;

/**
 * Resources in REST paths are named by ARN or, shorter, by what follows the resource type in
 * their ARN: a state machine {@code Orders}, a version {@code Orders:3}, an alias {@code
 * Orders:prod}, an execution {@code Orders:run-1}, an activity {@code approvals}.
 */
@Component
public final class RestIds {

    private final Arns arns;

    RestIds(Arns arns) {
        this.arns = arns;
    }

    public String stateMachine(String id) {
        return isArn(id) ? id : arns.stateMachine(id);
    }

    public String execution(String id) {
        return isArn(id) ? id : arns.execution(id);
    }

    public String activity(String id) {
        return isArn(id) ? id : arns.activity(id);
    }

    private static boolean isArn(String id) {
        return id.startsWith("arn:");
    }
}
