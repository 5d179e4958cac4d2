package io.stateway.orchestrator.asl.engine;

/** Where a cursor stands within its current state. */
public enum Phase {
    /** The state has not been entered yet: its entered event comes next. */
    ENTER,
    /** The state was entered (or its retry back-off elapsed) and runs next. */
    EXECUTE,
    /** The state waits for its task. */
    AWAIT_TASK,
    /** The state waits for its timer (a Wait state). */
    AWAIT_TIMER,
    /** The state waits out a retry back-off. */
    AWAIT_RETRY,
    /** The state waits for its children (Parallel branches, Map iterations). */
    AWAIT_CHILDREN
}
