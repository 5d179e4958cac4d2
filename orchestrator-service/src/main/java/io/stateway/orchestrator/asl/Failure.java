package io.stateway.orchestrator.asl;

/**
 * An ASL error as a value: the error name ({@code States.Runtime}, a Lambda errorType, ...) and its
 * cause text. Either may be {@code null}: a {@code Fail} state may name neither.
 */
public record Failure(String error, String cause) {}
