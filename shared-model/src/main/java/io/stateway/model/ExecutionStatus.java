package io.stateway.model;

/** The status of an execution, as {@code DescribeExecution} reports it. */
public enum ExecutionStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED,
    PENDING_REDRIVE;

    public boolean isTerminal() {
        return this != RUNNING && this != PENDING_REDRIVE;
    }
}
