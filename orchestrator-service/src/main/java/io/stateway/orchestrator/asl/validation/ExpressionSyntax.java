package io.stateway.orchestrator.asl.validation;

import io.stateway.orchestrator.asl.intrinsic.Intrinsic;
import io.stateway.orchestrator.asl.intrinsic.IntrinsicSyntaxException;
import io.stateway.orchestrator.asl.path.JsonPath;
import io.stateway.orchestrator.asl.path.PathSyntaxException;

/**
 * Whether a string is a JSONPath Path, a Reference Path or an intrinsic function call, decided by
 * the engine's own compilers, so that the validator accepts exactly what the engine can run.
 */
final class ExpressionSyntax {

    private ExpressionSyntax() {}

    /**
     * A Path, as {@code InputPath}, {@code OutputPath}, {@code ItemsPath} and the values of {@code
     * .$} fields take it: {@code $}, {@code $.a[0]}, {@code $$.Execution.Id}, {@code $myVar.a}.
     */
    static boolean isPath(String text) {
        try {
            JsonPath.compile(text);
            return true;
        } catch (PathSyntaxException notAPath) {
            return false;
        }
    }

    /**
     * A Reference Path: a Path that selects a single node (a Choice rule's {@code Variable}, the
     * {@code ...Path} fields); no wildcards, filters, slices, unions or deep scans.
     */
    static boolean isReferencePath(String text) {
        try {
            return JsonPath.compile(text).isDefinite();
        } catch (PathSyntaxException notAPath) {
            return false;
        }
    }

    /** An intrinsic function call such as {@code States.Format('{}', $.name)}, nesting included. */
    static boolean isIntrinsicFunction(String text) {
        try {
            Intrinsic.compile(text);
            return true;
        } catch (IntrinsicSyntaxException notACall) {
            return false;
        }
    }
}
