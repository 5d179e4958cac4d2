package io.stateway.orchestrator.asl.validation;

import java.util.Objects;

/**
 * One problem in a state machine definition, as ValidateStateMachineDefinition reports it.
 *
 * @param code the AWS diagnostic code
 * @param message the message, worded as AWS words it
 * @param location where the problem is ({@code /States/Foo/Next}), or {@code null} where AWS
 *     reports none (a missing terminal state, a definition that is not an object)
 * @param severity ERROR or WARNING
 */
public record Finding(DiagnosticCode code, String message, String location, Severity severity) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    static Finding of(DiagnosticCode code, String message, String location) {
        return new Finding(code, message, location, code.severity());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
