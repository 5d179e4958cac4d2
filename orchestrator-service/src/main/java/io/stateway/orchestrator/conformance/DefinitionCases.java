package io.stateway.orchestrator.conformance;

import io.stateway.model.StateMachineType;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.validation.DefinitionRejection;
import io.stateway.orchestrator.asl.validation.DefinitionValidator;
import io.stateway.orchestrator.asl.validation.Finding;
import io.stateway.orchestrator.asl.validation.Severity;
import io.stateway.orchestrator.asl.validation.ValidateDefinitionOutcome;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Creation-error and validation cases: the definition validator against what AWS answered to
 * CreateStateMachine and ValidateStateMachineDefinition.
 */
final class DefinitionCases {

    private static final DefinitionValidator VALIDATOR = new DefinitionValidator();

    private DefinitionCases() {}

    /** {@code null} when the validator answers as AWS did. */
    static String check(AslCase testCase) {
        return testCase.expected().has("creationError") ? creation(testCase) : validation(testCase);
    }

    /** Why the validator rejects an execution case's definition, or {@code null} if it accepts it. */
    static String rejection(AslCase testCase) {
        return VALIDATOR
                .rejectionOnCreate(testCase.definitionText(), type(testCase.stateMachineType()))
                .map(DefinitionRejection::message)
                .orElse(null);
    }

    private static String creation(AslCase testCase) {
        JsonNode expected = testCase.expected().get("creationError");
        Optional<DefinitionRejection> rejection =
                VALIDATOR.rejectionOnCreate(testCase.definitionText(), type(testCase.stateMachineType()));
        if (rejection.isEmpty()) {
            return "accepted, but AWS answered " + expected.path("type").asString();
        }
        if (!rejection.get().type().awsCode().equals(expected.path("type").asString())) {
            return "error " + rejection.get().type().awsCode() + " but AWS answered "
                    + expected.path("type").asString();
        }
        return ExpectedValue.mismatch(
                expected.get("message"), Json.NODES.stringNode(rejection.get().message()), "message");
    }

    private static String validation(AslCase testCase) {
        JsonNode expected = testCase.expected().get("validation");
        JsonNode parameters = testCase.validationParameters();
        String type = parameters != null && parameters.has("type")
                ? parameters.get("type").asString()
                : testCase.stateMachineType();
        Severity severity = parameters != null && parameters.has("severity")
                ? Severity.valueOf(parameters.get("severity").asString())
                : Severity.ERROR;
        int maxResults = parameters != null && parameters.has("maxResults")
                ? parameters.get("maxResults").intValue()
                : 0;
        ValidateDefinitionOutcome outcome =
                VALIDATOR.validate(testCase.definitionText(), type(type), severity, maxResults);
        if (!(outcome instanceof ValidateDefinitionOutcome.Answered answered)) {
            return "rejected: " + outcome;
        }
        return ExpectedValue.mismatch(expected, answer(answered), "validation");
    }

    /** The ValidateStateMachineDefinition response, as AWS shapes it. */
    static JsonNode answer(ValidateDefinitionOutcome.Answered answered) {
        var json = Json.NODES.objectNode();
        json.put("result", answered.result().name());
        json.put("truncated", answered.truncated());
        var diagnostics = json.putArray("diagnostics");
        for (Finding finding : answered.diagnostics()) {
            var diagnostic = diagnostics.addObject();
            diagnostic.put("code", finding.code().name());
            if (finding.location() != null) {
                diagnostic.put("location", finding.location());
            }
            diagnostic.put("message", finding.message());
            diagnostic.put("severity", finding.severity().name());
        }
        return json;
    }

    private static StateMachineType type(String type) {
        return StateMachineType.valueOf(type);
    }
}
