package io.stateway.gateway.vtl;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Renders a reference whose value is null as nothing, as API Gateway does ({@code "$stageVariables.x"}
 * is {@code ""} when the stage has no such variable), where plain Velocity writes the reference itself.
 */
public final class NullRendersEmpty implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        return value == null ? "" : value;
    }
}
