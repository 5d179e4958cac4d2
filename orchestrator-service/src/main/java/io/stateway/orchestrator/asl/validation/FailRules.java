package io.stateway.orchestrator.asl.validation;

/**
 * Fail state rules: {@code Error} or {@code ErrorPath}, {@code Cause} or {@code CausePath}, never
 * both; the paths take a Reference Path or an intrinsic function. A literal {@code Error} or
 * {@code Cause} that looks like a path draws the NO_PATH warning. In JSONata both may be
 * expressions.
 */
final class FailRules {

    private FailRules() {}

    static void check(StateScope scope) {
        Inspection in = scope.in();
        for (String field : new String[] {"Error", "Cause"}) {
            Fields.string(in, scope.state(), scope.at(), field).ifPresent(value -> {
                scope.expressionIfJsonata(value, field, scope.field(field));
                if (!scope.jsonata() && PayloadTemplates.looksLikeExpression(value)) {
                    in.report(
                            DiagnosticCode.NO_PATH,
                            "The value of the field '" + field + "' looks like a path, but the field is not '" + field
                                    + "Path'",
                            scope.field(field));
                }
            });
        }
        if (!scope.jsonata()) {
            PathFields.referencePathOrIntrinsic(in, scope.state(), scope.at(), "ErrorPath");
            PathFields.referencePathOrIntrinsic(in, scope.state(), scope.at(), "CausePath");
            scope.exclusive("Error", "ErrorPath");
            scope.exclusive("Cause", "CausePath");
        }
    }
}
