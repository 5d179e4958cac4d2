package io.stateway.bench.engine;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.asl.definition.DefinitionParser;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.validation.DefinitionCheck;
import io.stateway.orchestrator.asl.validation.DefinitionValidator;
import io.stateway.orchestrator.asl.validation.Finding;
import java.util.stream.Collectors;

/**
 * What CreateStateMachine does with a definition before it can run: read the submitted text,
 * validate it, and compile the accepted tree into a {@link StateMachine}.
 */
final class Definitions {

    private static final DefinitionValidator VALIDATOR = new DefinitionValidator();

    private Definitions() {}

    /** @throws IllegalArgumentException with every error finding if the validator rejects the text */
    static StateMachine validateAndParse(String text) {
        DefinitionCheck check = VALIDATOR.check(text, StateMachineType.STANDARD);
        if (!(check instanceof DefinitionCheck.Checked checked) || !checked.accepted()) {
            throw new IllegalArgumentException("The validator rejects the definition: " + describe(check));
        }
        return DefinitionParser.parse(checked.definition().orElseThrow());
    }

    private static String describe(DefinitionCheck check) {
        return switch (check) {
            case DefinitionCheck.ConstraintViolation violation -> violation.message();
            case DefinitionCheck.Checked checked ->
                checked.findings().stream()
                        .filter(Finding::isError)
                        .map(Finding::toString)
                        .collect(Collectors.joining("; "));
        };
    }
}
