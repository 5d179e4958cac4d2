package io.stateway.orchestrator.api.statemachine;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.asl.validation.DefinitionValidator;
import org.springframework.stereotype.Component;

/** Refuses definitions AWS would refuse, with AWS's error: {@code InvalidDefinition} naming every problem's path. */
@Component
class DefinitionChecks {

    private final DefinitionValidator validator = new DefinitionValidator();

    void requireValid(String definition, StateMachineType type) {
        validator.rejectionOnCreate(definition, type).ifPresent(rejection -> {
            throw new StepFunctionsException(rejection.type().awsCode(), rejection.message());
        });
    }

    DefinitionValidator validator() {
        return validator;
    }
}
