package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.VALIDATOR;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findingsOfText;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.StateMachineType;
import org.junit.jupiter.api.Test;

class DefinitionTextRulesTest {

    @Test
    void notJson_isInvalidJsonDescriptionWordedAsJacksonTwo() {
        String location = "[Source: (String)\"not a definition\"; line: 1, column: 4]";
        assertThat(findingsOfText("not a definition", StateMachineType.STANDARD))
                .containsExactly(Finding.of(
                        DiagnosticCode.INVALID_JSON_DESCRIPTION,
                        "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true'"
                                + " or 'false')\n at " + location,
                        location));
    }

    @Test
    void emptyObject_requiresStatesAndStartAtInAwsOrder() {
        assertThat(findingsOfText("{}", StateMachineType.STANDARD))
                .containsExactly(schemaError("These fields are required: [States, StartAt]", "/"));
    }

    @Test
    void blankText_isNotAJsonObjectWithoutLocation() {
        assertThat(findingsOfText(" ", StateMachineType.STANDARD))
                .containsExactly(schemaError("Definition must be a valid JSON object", null));
    }

    @Test
    void jsonArray_isNotAJsonObject() {
        assertThat(findingsOfText("[1, 2]", StateMachineType.STANDARD))
                .containsExactly(schemaError("Definition must be a valid JSON object", null));
    }

    @Test
    void emptyText_isValidationExceptionBeforeReading() {
        assertThat(VALIDATOR.check("", StateMachineType.STANDARD))
                .isEqualTo(new DefinitionCheck.ConstraintViolation(
                        "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have"
                                + " length greater than or equal to 1"));
    }

    @Test
    void definitionLongerThanOneMebibyteOfCharacters_isValidationException() {
        String padded = "{\"Comment\": \"" + "x".repeat(DefinitionValidator.MAX_DEFINITION_LENGTH) + "\"}";
        assertThat(VALIDATOR.rejectionOnCreate(padded, StateMachineType.STANDARD))
                .contains(new DefinitionRejection(
                        DefinitionRejection.Type.VALIDATION_EXCEPTION,
                        "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have"
                                + " length less than or equal to 1048576"));
    }

    @Test
    void trailingContentAfterTheObject_isIgnoredAsAwsParserIgnoresIt() {
        String definition = ValidationFixtures.text("pass-minimal") + " trailing";
        assertThat(findingsOfText(definition, StateMachineType.STANDARD)).isEmpty();
    }

    @Test
    void unclosedObject_reportsTheMissingCloseMarkerAndItsStart() {
        assertThat(findingsOfText("{\"StartAt\": \"A\"", StateMachineType.STANDARD))
                .extracting(Finding::message)
                .containsExactly("Unexpected end-of-input: expected close marker for Object (start marker at [Source:"
                        + " (String)\"{\"StartAt\": \"A\"\"; line: 1, column: 1])\n at [Source: (String)\"{\"StartAt\": \"A\"\";"
                        + " line: 1, column: 16]");
    }

    @Test
    void acceptedDefinition_isReturnedParsed() {
        DefinitionCheck check = VALIDATOR.check(ValidationFixtures.text("pass-minimal"), StateMachineType.STANDARD);
        assertThat(check).isInstanceOfSatisfying(DefinitionCheck.Checked.class, checked -> {
            assertThat(checked.accepted()).isTrue();
            assertThat(checked.definition())
                    .hasValueSatisfying(tree ->
                            assertThat(tree.get("StartAt").stringValue()).isEqualTo("Start"));
        });
    }
}
