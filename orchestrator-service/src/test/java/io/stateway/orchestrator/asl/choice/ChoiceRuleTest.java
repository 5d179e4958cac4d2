package io.stateway.orchestrator.asl.choice;

import static io.stateway.orchestrator.asl.TestScopes.input;
import static io.stateway.orchestrator.asl.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRuleTest {

    @Test
    void parse_topLevelRule_separatesConditionNextAndAssign() {
        ChoiceRule rule = ChoiceRule.parse(json(
                "{\"Variable\": \"$.n\", \"NumericEquals\": 42, \"Next\": \"Done\", \"Assign\": {\"status\": \"OK\"},"
                        + " \"Comment\": \"the answer\"}"));

        assertThat(rule.next()).isEqualTo("Done");
        assertThat(rule.assign()).contains(json("{\"status\": \"OK\"}"));
        assertThat(rule.condition()).isInstanceOfSatisfying(Condition.Comparison.class, comparison -> {
            assertThat(comparison.variable().text()).isEqualTo("$.n");
            assertThat(comparison.comparator()).isEqualTo(Comparator.NUMERIC_EQUALS);
            assertThat(comparison.operand()).isEqualTo(new Condition.Operand.Literal(json("42")));
        });
        assertThat(rule.matches(input("{\"n\": 42}"))).isTrue();
        assertThat(rule.matches(input("{\"n\": \"42\"}"))).isFalse();
    }

    @Test
    void parse_ruleWithoutAssign_hasNone() {
        assertThat(ChoiceRule.parse(json("{\"Variable\": \"$\", \"IsNull\": false, \"Next\": \"X\"}"))
                        .assign())
                .isEmpty();
    }

    @Test
    void parse_pathOperator_compilesThePath() {
        Condition condition = Condition.parse(json("{\"Variable\": \"$.a\", \"TimestampLessThanPath\": \"$.b\"}"));

        assertThat(condition).isInstanceOfSatisfying(Condition.Comparison.class, comparison -> {
            assertThat(comparison.comparator()).isEqualTo(Comparator.TIMESTAMP_LESS_THAN);
            assertThat(comparison.operand()).isInstanceOf(Condition.Operand.Path.class);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"Variable\": \"$.a\", \"StringEquals\": \"x\"}                                  | /Next",
                "{\"Variable\": \"$.a\", \"Next\": \"N\"}                                           | ''",
                "{\"Variable\": \"$.a\", \"StringEquals\": \"x\", \"IsNull\": true, \"Next\": \"N\"}    | ''",
                "{\"Variable\": \"$.a\", \"StringEquals\": 1, \"Next\": \"N\"}                        | /StringEquals",
                "{\"Variable\": \"$.a\", \"NumericEquals\": \"1\", \"Next\": \"N\"}                   | /NumericEquals",
                "{\"Variable\": \"$.a\", \"TimestampEquals\": \"yesterday\", \"Next\": \"N\"}         | /TimestampEquals",
                "{\"Variable\": \"$.a\", \"IsNull\": \"yes\", \"Next\": \"N\"}                        | /IsNull",
                "{\"Variable\": \"a\", \"IsNull\": true, \"Next\": \"N\"}                             | /Variable",
                "{\"Variable\": \"$.a\", \"StringEqualsPath\": \"b\", \"Next\": \"N\"}                | /StringEqualsPath",
                "{\"Variable\": \"$.a\", \"StringMatchesPath\": \"$.b\", \"Next\": \"N\"}             | /StringMatchesPath",
                "{\"Variable\": \"$.a\", \"Condition\": \"{% true %}\", \"Next\": \"N\"}              | /Condition",
                "{\"And\": [], \"Next\": \"N\"}                                                       | /And",
                "{\"And\": [{\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"N\"}], \"Next\": \"N\"} | /And/0/Next",
                "{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true}, \"Variable\": \"$.a\", \"Next\": \"N\"} | /Variable",
                "{\"Or\": [{\"Not\": 1}], \"Next\": \"N\"}                                            | /Or/0/Not",
            })
    void parse_malformedRule_throwsWithItsLocation(String rule, String location) {
        InvalidChoiceRuleException error =
                catchThrowableOfType(InvalidChoiceRuleException.class, () -> ChoiceRule.parse(json(rule)));

        assertThat(error).isNotNull();
        assertThat(error.location()).isEqualTo(location);
        assertThat(error.getMessage()).isNotBlank();
    }

    @Test
    void parse_nestedRulesWithComments_areAccepted() {
        ChoiceRule rule =
                ChoiceRule.parse(json("{\"And\": [{\"Variable\": \"$.status\", \"StringEquals\": \"complete\","
                        + " \"Comment\": \"done\"}], \"Comment\": \"outer\", \"Next\": \"SuccessState\"}"));

        assertThat(rule.matches(input("{\"status\": \"complete\"}"))).isTrue();
    }
}
