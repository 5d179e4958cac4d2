package io.stateway.orchestrator.asl;

/**
 * Raised by expression evaluators (JSONPath, intrinsics, JSONata) deep inside a state; the engine
 * catches it at the state boundary and continues with the {@link Failure} as a value.
 */
public final class FailureException extends RuntimeException {

    private final transient Failure failure;
    private final String location;

    public FailureException(String error, String cause) {
        this(error, cause, null);
    }

    /**
     * @param location the field whose evaluation failed ({@code Output/result}), reported in the
     *     {@code EvaluationFailed} event of JSONata errors; {@code null} if none
     */
    public FailureException(String error, String cause, String location) {
        super(error + ": " + cause, null, false, false);
        this.failure = new Failure(error, cause);
        this.location = location;
    }

    public Failure failure() {
        return failure;
    }

    public String location() {
        return location;
    }
}
