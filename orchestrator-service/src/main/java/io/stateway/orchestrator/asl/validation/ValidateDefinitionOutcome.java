package io.stateway.orchestrator.asl.validation;

import java.util.List;

/** The answer to ValidateStateMachineDefinition: a response, or an error for the whole request. */
public sealed interface ValidateDefinitionOutcome {

    /** The validation result AWS returns with HTTP 200. */
    record Answered(Result result, List<Finding> diagnostics, boolean truncated) implements ValidateDefinitionOutcome {

        public Answered {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The request itself is invalid (the definition's length): AWS answers with this error. */
    record Rejected(DefinitionRejection rejection) implements ValidateDefinitionOutcome {}

    /** The {@code result} field: OK when the definition has no error-level diagnostics. */
    enum Result {
        OK,
        FAIL
    }
}
