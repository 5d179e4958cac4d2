package io.stateway.orchestrator.api.statemachine;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.StepFunctionsException;
import io.stateway.orchestrator.api.Action;
import io.stateway.orchestrator.api.Violations;
import io.stateway.orchestrator.asl.validation.Severity;
import io.stateway.orchestrator.asl.validation.ValidateDefinitionOutcome;
import java.util.List;
import org.springframework.stereotype.Component;

/** ValidateStateMachineDefinition: every problem of a definition, with its code and location. */
@Component
public final class ValidateStateMachineDefinition
        implements Action<ValidateStateMachineDefinition.Input, ValidateStateMachineDefinition.Output> {

    private static final List<String> SEVERITIES = List.of("ERROR", "WARNING");

    private final DefinitionChecks definitions;

    ValidateStateMachineDefinition(DefinitionChecks definitions) {
        this.definitions = definitions;
    }

    public record Input(String definition, String type, String severity, Integer maxResults) {}

    public record Output(String result, List<Diagnostic> diagnostics, Boolean truncated) {}

    public record Diagnostic(String severity, String code, String message, String location) {}

    @Override
    public String name() {
        return "ValidateStateMachineDefinition";
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Output handle(Input input) {
        new Violations()
                .oneOf("type", input.type(), Configurations.TYPES)
                .oneOf("severity", input.severity(), SEVERITIES)
                .range("maxResults", input.maxResults(), 0, 100)
                .throwIfAny();
        StateMachineType type =
                input.type() == null ? StateMachineType.STANDARD : StateMachineType.valueOf(input.type());
        Severity severity = input.severity() == null ? Severity.ERROR : Severity.valueOf(input.severity());
        int maxResults = input.maxResults() == null ? 0 : input.maxResults();
        return switch (definitions.validator().validate(input.definition(), type, severity, maxResults)) {
            case ValidateDefinitionOutcome.Rejected rejected ->
                throw new StepFunctionsException(
                        rejected.rejection().type().awsCode(),
                        rejected.rejection().message());
            case ValidateDefinitionOutcome.Answered answered ->
                new Output(
                        answered.result().name(),
                        answered.diagnostics().stream()
                                .map(f -> new Diagnostic(
                                        f.severity().name(), f.code().name(), f.message(), f.location()))
                                .toList(),
                        answered.truncated());
        };
    }
}
