package io.stateway.orchestrator.asl.validation;

import java.util.List;

/**
 * Renders a definition check as ValidateStateMachineDefinition's answer: {@code result} is FAIL
 * when any error was found, {@code diagnostics} holds the findings at or above the requested
 * severity (ERROR, the default, returns errors only; WARNING returns both), at most {@code
 * maxResults} of them (0 means the default and maximum, 100), and {@code truncated} says whether
 * some were left out.
 */
final class ValidateResponses {

    static final int MAX_RESULTS = 100;

    private ValidateResponses() {}

    static ValidateDefinitionOutcome of(DefinitionCheck check, Severity minimum, int maxResults) {
        return switch (check) {
            case DefinitionCheck.ConstraintViolation violation ->
                new ValidateDefinitionOutcome.Rejected(
                        new DefinitionRejection(DefinitionRejection.Type.VALIDATION_EXCEPTION, violation.message()));
            case DefinitionCheck.Checked checked -> answer(checked.findings(), minimum, maxResults);
        };
    }

    private static ValidateDefinitionOutcome answer(List<Finding> findings, Severity minimum, int maxResults) {
        List<Finding> shown = findings.stream()
                .filter(f -> minimum == Severity.WARNING || f.isError())
                .toList();
        int limit = maxResults <= 0 || maxResults > MAX_RESULTS ? MAX_RESULTS : maxResults;
        boolean failed = findings.stream().anyMatch(Finding::isError);
        return new ValidateDefinitionOutcome.Answered(
                failed ? ValidateDefinitionOutcome.Result.FAIL : ValidateDefinitionOutcome.Result.OK,
                shown.subList(0, Math.min(limit, shown.size())),
                shown.size() > limit);
    }
}
