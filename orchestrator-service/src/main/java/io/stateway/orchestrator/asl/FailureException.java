package io.stateway.orchestrator.asl;

/**
 * Raised by expression evaluators (JSONPath, intrinsics, JSONata) deep inside a state; the engine
 * catches it at the state boundary and continues with the {@link Failure} as a value.
 */
public final class FailureException extends RuntimeException {

    private final transient Failure failure;

    public FailureException(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.failure = new Failure(error, cause);
    }

    public Failure failure() {
        return failure;
    }
}
