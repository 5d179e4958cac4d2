package io.stateway.orchestrator.asl.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a definition check as the error CreateStateMachine (and UpdateStateMachine) answers.
 *
 * <p>Findings render as {@code CODE: message at location} and are joined with {@code ", "} inside
 * one pair of quotes, as in AWS's recorded {@code Invalid State Machine Definition:
 * 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next,
 * MISSING_TRANSITION_TARGET: State "pass2" is not reachable. at /States/pass2'}. A finding without
 * a location renders {@code at null}: AWS's own code concatenates the location unconditionally
 * (our reading; not recorded for every code).
 *
 * <p>A bad Map {@code Label} is rejected by a different AWS component, which answers with the
 * Python exception it raised and the definition text: {@code Error=ValueError Args=['Label cannot
 * be empty'] in definition '<text>'.}. It is checked before the rest of the definition (our
 * reading: AWS answers it for definitions the validator accepts, and we assume it runs first).
 */
final class CreateRejections {

    private CreateRejections() {}

    static Optional<DefinitionRejection> of(DefinitionCheck check, String text) {
        return switch (check) {
            case DefinitionCheck.ConstraintViolation violation ->
                Optional.of(
                        new DefinitionRejection(DefinitionRejection.Type.VALIDATION_EXCEPTION, violation.message()));
            case DefinitionCheck.Checked checked -> invalidDefinition(checked.findings(), text);
        };
    }

    private static Optional<DefinitionRejection> invalidDefinition(List<Finding> findings, String text) {
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        Optional<Finding> label = errors.stream()
                .filter(f -> f.code() == DiagnosticCode.INVALID_LABEL_NAME)
                .findFirst();
        String message = label.map(
                        f -> "Error=ValueError Args=[" + PythonRepr.of(f.message()) + "] in definition '" + text + "'.")
                .orElseGet(() -> "Invalid State Machine Definition: '"
                        + errors.stream().map(CreateRejections::render).collect(Collectors.joining(", "))
                        + "'");
        return Optional.of(new DefinitionRejection(DefinitionRejection.Type.INVALID_DEFINITION, message));
    }

    private static String render(Finding finding) {
        return finding.code().name() + ": " + finding.message() + " at " + finding.location();
    }
}
