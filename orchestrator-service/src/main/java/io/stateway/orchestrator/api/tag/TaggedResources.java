package io.stateway.orchestrator.api.tag;

import io.stateway.orchestrator.api.StatesArn;

/**
 * The resources that carry tags (state machines, activities), each kind answering whether an ARN
 * names one of its resources. Implemented by the features that own them, so that tagging needs
 * to know none of them.
 */
public interface TaggedResources {

    /** Whether this kind of resource handles ARNs of this type ({@code stateMachine}, {@code activity}). */
    String resourceType();

    /** Whether the resource exists; a version or alias ARN is no taggable resource. */
    boolean exists(StatesArn arn);
}
