package io.stateway.orchestrator.api;

import io.stateway.orchestrator.StepFunctionsException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * An error as the API reports it: the AWS error code ({@code __type}), the message, and AWS's HTTP
 * status for it. Both faces translate exceptions with {@link #of(RuntimeException)}, once, at
 * their edge.
 */
public record ApiError(String code, String message, int status) {

    public static final String INTERNAL_FAILURE = "InternalFailure";

    /**
     * The error for an exception: a {@link StepFunctionsException} as it is; the database being
     * unreachable or overloaded as {@code ServiceUnavailable} (503, which SDKs retry); anything else
     * as {@code InternalFailure} (500), whose cause the caller never sees.
     */
    public static ApiError of(RuntimeException exception) {
        return switch (exception) {
            case StepFunctionsException aws -> new ApiError(aws.code(), aws.getMessage(), aws.httpStatus());
            case DataAccessResourceFailureException unavailable -> unavailable();
            case CannotCreateTransactionException unavailable -> unavailable();
            // Timeouts, lock contention, serialisation failures: a retry may succeed.
            case TransientDataAccessException transientFailure -> unavailable();
            default -> new ApiError(INTERNAL_FAILURE, "An internal error occurred; the request may be retried", 500);
        };
    }

    /** Whether this is the service's own failure (logged with its cause), not the caller's mistake. */
    public boolean isServerSide() {
        return status >= 500;
    }

    private static ApiError unavailable() {
        return new ApiError("ServiceUnavailable", "The service is temporarily unavailable; retry the request", 503);
    }
}
