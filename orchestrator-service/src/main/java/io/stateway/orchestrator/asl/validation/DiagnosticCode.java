package io.stateway.orchestrator.asl.validation;

/**
 * The diagnostic codes of ValidateStateMachineDefinition that this validator emits, named exactly
 * as AWS names them, each with the severity AWS gives it.
 */
public enum DiagnosticCode {
    /** The text is not JSON; the message is the JSON parser's. */
    INVALID_JSON_DESCRIPTION(Severity.ERROR),
    /** A field is missing, unsupported, of the wrong type or out of range. */
    SCHEMA_VALIDATION_FAILED(Severity.ERROR),
    /** A transition names a state that does not exist, or a state is never reached. */
    MISSING_TRANSITION_TARGET(Severity.ERROR),
    /** The top-level states have no terminal state. */
    MISSING_END_STATE(Severity.ERROR),
    /** Two states share a name anywhere in the machine. */
    DUPLICATE_STATE_NAME(Severity.ERROR),
    /** A state name breaks the naming rules (length). */
    INVALID_STATE_NAME(Severity.ERROR),
    /** A Map state's Label breaks the label rules. */
    INVALID_LABEL_NAME(Severity.ERROR),
    /** Two Map states share a Label. */
    DUPLICATE_LABEL_NAME(Severity.ERROR),
    /** A payload field looks like a JSONPath or intrinsic function but its name lacks ".$". */
    NO_DOLLAR(Severity.WARNING),
    /** A field value looks like a path, but the field name does not end with "Path". */
    NO_PATH(Severity.WARNING),
    /** A Pass state's Result holds what looks like a path: Result is never evaluated. */
    PASS_RESULT_IS_STATIC(Severity.WARNING);

    private final Severity severity;

    DiagnosticCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
