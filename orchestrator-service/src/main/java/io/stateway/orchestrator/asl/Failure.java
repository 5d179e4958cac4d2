package io.stateway.orchestrator.asl;

/** An ASL error as a value: the error name ({@code States.Runtime}, a Lambda errorType, ...) and its cause text. */
public record Failure(String error, String cause) {

    public Failure {
        if (error == null) {
            throw new IllegalArgumentException("error name is required");
        }
    }
}
