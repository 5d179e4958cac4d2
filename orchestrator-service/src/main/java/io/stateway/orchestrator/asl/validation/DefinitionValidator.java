package io.stateway.orchestrator.asl.validation;

import io.stateway.model.StateMachineType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates state machine definitions as AWS Step Functions does, for CreateStateMachine,
 * UpdateStateMachine and ValidateStateMachineDefinition: every problem at once, each with AWS's
 * code, message and location, and the exact error or response AWS renders from them. Plain Java,
 * no I/O; never throws for any definition text.
 */
public final class DefinitionValidator {

    /** The longest definition AWS accepts, in characters. */
    public static final int MAX_DEFINITION_LENGTH = 1_048_576;

    private static final String LENGTH_CONSTRAINT =
            "1 validation error detected: Value at 'definition' failed to satisfy constraint: ";

    /** Checks a definition as submitted (the text, not a parsed tree) for a machine of {@code type}. */
    public DefinitionCheck check(String text, StateMachineType type) {
        Objects.requireNonNull(type, "type");
        if (text == null) {
            return new DefinitionCheck.ConstraintViolation(
                    "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null");
        }
        if (text.isEmpty()) {
            return new DefinitionCheck.ConstraintViolation(
                    LENGTH_CONSTRAINT + "Member must have length greater than or equal to 1");
        }
        if (text.length() > MAX_DEFINITION_LENGTH) {
            return new DefinitionCheck.ConstraintViolation(
                    LENGTH_CONSTRAINT + "Member must have length less than or equal to " + MAX_DEFINITION_LENGTH);
        }
        return switch (DefinitionReader.read(text)) {
            case DefinitionReader.Read.Unreadable unreadable ->
                new DefinitionCheck.Checked(List.of(unreadable.finding()), Optional.empty());
            case DefinitionReader.Read.Definition definition -> {
                Inspection in = new Inspection(type);
                MachineInspector.inspect(in, definition.tree());
                yield new DefinitionCheck.Checked(in.findings(), Optional.of(definition.tree()));
            }
        };
    }

    /**
     * The error CreateStateMachine answers for this definition ({@code InvalidDefinition} with
     * AWS's exact message, or {@code ValidationException} for its length), or empty when it takes
     * it.
     */
    public Optional<DefinitionRejection> rejectionOnCreate(String text, StateMachineType type) {
        return CreateRejections.of(check(text, type), text);
    }

    /**
     * ValidateStateMachineDefinition's answer.
     *
     * @param minimum the request's {@code severity}: ERROR (the default) or WARNING
     * @param maxResults the request's {@code maxResults}; 0 means the default, 100
     */
    public ValidateDefinitionOutcome validate(String text, StateMachineType type, Severity minimum, int maxResults) {
        return ValidateResponses.of(check(text, type), Objects.requireNonNull(minimum, "minimum"), maxResults);
    }
}
