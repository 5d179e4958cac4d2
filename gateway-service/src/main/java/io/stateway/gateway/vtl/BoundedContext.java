package io.stateway.gateway.vtl;

import java.util.Map;
import org.apache.velocity.VelocityContext;

/**
 * The variables of one rendering. Every assignment (each {@code #set}, each {@code #foreach} iteration)
 * checks the deadline, so that nested loops that write nothing still stop in time.
 */
final class BoundedContext extends VelocityContext {

    private final Deadline deadline;

    BoundedContext(Map<String, Object> variables, Deadline deadline) {
        super(new java.util.HashMap<>(variables));
        this.deadline = deadline;
    }

    @Override
    public Object internalPut(String key, Object value) {
        deadline.check();
        return super.internalPut(key, value);
    }
}
