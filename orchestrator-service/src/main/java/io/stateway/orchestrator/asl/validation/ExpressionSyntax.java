package io.stateway.orchestrator.asl.validation;

/**
 * The syntax checks the validator needs from the expression parsers: whether a string is a
 * JSONPath Path, a Reference Path or an intrinsic function call. Plugged in so that the engine's
 * own JSONPath and intrinsic parsers decide, and the validator accepts exactly what the engine can
 * run.
 */
public interface ExpressionSyntax {

    /**
     * A Path, as {@code InputPath}, {@code OutputPath}, {@code ItemsPath} and the values of {@code
     * .$} fields take it: {@code $}, {@code $.a[0]}, {@code $$.Execution.Id}, {@code $myVar.a}.
     */
    boolean isPath(String text);

    /**
     * A Reference Path: a Path that selects a single node ({@code ResultPath}, a Choice rule's
     * {@code Variable}, the {@code ...Path} fields); no wildcards, filters, slices, unions or
     * deep scans.
     */
    boolean isReferencePath(String text);

    /** An intrinsic function call such as {@code States.Format('{}', $.name)}, nesting included. */
    boolean isIntrinsicFunction(String text);
}
