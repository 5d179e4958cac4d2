package io.stateway.history.timeline;

/** How a state visit (or a branch, or a Map iteration) went. */
public enum VisitStatus {
    /** Still running (or waiting: on a task, a timer, its children). */
    RUNNING,
    SUCCEEDED,
    /** It failed, and a {@code Catch} rule took the execution elsewhere. */
    CAUGHT,
    FAILED,
    /** Stopped from outside: the execution was stopped or timed out, or a sibling failed. */
    ABORTED
}
