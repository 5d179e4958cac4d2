package io.stateway.history.web;

/** The AWS error codes this service answers with, each with its HTTP status on the REST face. */
public enum ErrorCode {
    /** An ARN that is well formed but names no execution (404, as the orchestrator's REST face). */
    ExecutionDoesNotExist(404),
    InvalidArn(400),
    /** A page token that this service did not issue, was altered, belongs to another query or expired. */
    InvalidToken(400),
    ValidationException(400),
    /** More live streams than this instance serves at once. */
    ThrottlingException(429),
    /** The database cannot be reached; clients retry. */
    ServiceUnavailable(503),
    InternalFailure(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
