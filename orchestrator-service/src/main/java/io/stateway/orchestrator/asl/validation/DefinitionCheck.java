package io.stateway.orchestrator.asl.validation;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** What the validator learned about a submitted definition text. */
public sealed interface DefinitionCheck {

    /**
     * The text breaks a request constraint (it is empty or longer than 1,048,576 characters): AWS
     * rejects both CreateStateMachine and ValidateStateMachineDefinition with a ValidationException
     * before it reads the definition.
     */
    record ConstraintViolation(String message) implements DefinitionCheck {}

    /**
     * The definition was read.
     *
     * @param findings every problem found, errors and warnings, in AWS's order
     * @param definition the parsed definition, present when the text is a JSON object
     */
    record Checked(List<Finding> findings, Optional<JsonNode> definition) implements DefinitionCheck {

        public Checked {
            findings = List.copyOf(findings);
        }

        /** True when no finding is an error: CreateStateMachine would take this definition. */
        public boolean accepted() {
            return findings.stream().noneMatch(Finding::isError);
        }
    }
}
