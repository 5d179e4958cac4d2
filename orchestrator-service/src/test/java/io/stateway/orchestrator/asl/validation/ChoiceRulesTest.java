package io.stateway.orchestrator.asl.validation;

import static io.stateway.orchestrator.asl.validation.ValidationFixtures.findings;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.onlyError;
import static io.stateway.orchestrator.asl.validation.ValidationFixtures.schemaError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChoiceRulesTest {

    private static final String ONE_OPERATOR = "A choice rule must contain exactly one comparison operator";

    @Test
    void rule_withTwoOperators_needsExactlyOne() {
        assertThat(onlyError("choice-two-operators")).isEqualTo(schemaError(ONE_OPERATOR, "/States/C/Choices[0]"));
    }

    @Test
    void rule_withoutOperator_needsExactlyOne() {
        assertThat(onlyError("choice-no-operator")).isEqualTo(schemaError(ONE_OPERATOR, "/States/C/Choices[0]"));
    }

    @Test
    void comparison_withoutVariable_requiresVariable() {
        assertThat(onlyError("choice-missing-variable"))
                .isEqualTo(schemaError("These fields are required: [Variable]", "/States/C/Choices[0]"));
    }

    @Test
    void nestedRule_withNext_isNotSupported() {
        assertThat(onlyError("choice-nested-next"))
                .isEqualTo(schemaError("Field 'Next' is not supported", "/States/C/Choices[0]/Not"));
    }

    @Test
    void numericOperator_withStringOperand_isATypeError() {
        assertThat(onlyError("choice-numeric-string-operand"))
                .isEqualTo(schemaError("Expected value of type Number", "/States/C/Choices[0]/NumericEquals"));
    }

    @Test
    void timestampOperator_withNonTimestamp_doesNotMatchRfc3339() {
        assertThat(onlyError("choice-timestamp-operand-invalid"))
                .isEqualTo(
                        schemaError("String does not match RFC3339 timestamp", "/States/C/Choices[0]/TimestampEquals"));
    }

    @Test
    void choices_empty_isValueCannotBeEmpty() {
        assertThat(onlyError("choice-empty-choices"))
                .isEqualTo(schemaError("Value cannot be empty", "/States/C/Choices"));
    }

    @Test
    void jsonataCondition_plainString_isNeitherBooleanNorExpression() {
        assertThat(onlyError("choice-jsonata-condition-string"))
                .isEqualTo(schemaError("Expected value of type Boolean", "/States/C/Choices[0]/Condition"));
    }

    @Test
    void jsonataCondition_expression_isAccepted() {
        assertThat(findings("choice-jsonata-condition-expression")).isEmpty();
    }
}
