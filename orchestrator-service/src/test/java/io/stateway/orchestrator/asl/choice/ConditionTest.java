package io.stateway.orchestrator.asl.choice;

import static io.stateway.orchestrator.asl.TestScopes.input;
import static io.stateway.orchestrator.asl.TestScopes.json;
import static io.stateway.orchestrator.asl.TestScopes.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.FailureException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {

    private static boolean holds(String rule, String inputJson) {
        return Condition.parse(json(rule)).evaluate(input(inputJson));
    }

    private static boolean holds(String rule, EvaluationScope scope) {
        return Condition.parse(json(rule)).evaluate(scope);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "StringEquals            | \"abc\"  | \"abc\" | true",
                "StringEquals            | \"abc\"  | \"abd\" | false",
                "StringLessThan          | \"AB\"   | \"ABC\" | true",
                "StringGreaterThan       | \"b\"    | \"a\"   | true",
                "StringLessThanEquals    | \"\"     | \"\"    | true",
                "StringGreaterThanEquals | \"A\"    | \"AB\"  | false",
                "NumericEquals           | 1        | 1.0     | true",
                "NumericEquals           | 2.22     | 2.22    | true",
                "NumericLessThan         | 0        | 1       | true",
                "NumericGreaterThan      | 0.0      | 0       | false",
                "NumericLessThanEquals   | 1        | 1       | true",
                "NumericGreaterThanEquals| 0        | 1       | false",
                "BooleanEquals           | false    | false   | true",
                "BooleanEquals           | true     | false   | false",
                "TimestampEquals         | \"2012-10-09T19:00:55Z\"      | \"2012-10-09T20:00:55+01:00\" | true",
                "TimestampLessThan       | \"2012-10-09T19:00:55Z\"      | \"2012-10-09T19:00:56Z\"      | true",
                "TimestampGreaterThan    | \"2012-10-09T19:00:55.5Z\"    | \"2012-10-09T19:00:55Z\"      | true",
                "TimestampLessThanEquals | \"2012-10-09T19:00:56Z\"      | \"2012-10-09T19:00:55Z\"      | false",
            })
    void comparison_valuesOfItsKind_compareAsAws(String operator, String variable, String literal, boolean expected) {
        String rule = "{\"Variable\": \"$.v\", \"" + operator + "\": " + literal + "}";
        String pathRule = "{\"Variable\": \"$.v\", \"" + operator + "Path\": \"$.w\"}";
        String input = "{\"v\": " + variable + ", \"w\": " + literal + "}";

        assertThat(holds(rule, input)).isEqualTo(expected);
        assertThat(holds(pathRule, input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "StringEquals    | \"1\"",
                "NumericEquals   | 1",
                "BooleanEquals   | true",
                "TimestampEquals | \"2012-10-09T19:00:55Z\""
            })
    void comparison_valueOfAnotherKind_isFalse(String operator, String literal) {
        for (String other : new String[] {"null", "1", "\"1\"", "true", "[]", "{}", "\"2012-10-09T19:00:55\""}) {
            if (!other.equals(literal)) {
                assertThat(holds(
                                "{\"Variable\": \"$.v\", \"" + operator + "\": " + literal + "}",
                                "{\"v\": " + other + "}"))
                        .as("%s %s against %s", operator, literal, other)
                        .isFalse();
            }
        }
    }

    @Test
    void numericComparison_negativeZeroAndHugeIntegers_compareByValue() {
        assertThat(holds("{\"Variable\": \"$.v\", \"NumericEquals\": 0}", "{\"v\": -0.0}"))
                .isTrue();
        assertThat(holds(
                        "{\"Variable\": \"$.v\", \"NumericLessThan\": 123456789012345678901}",
                        "{\"v\": 123456789012345678900}"))
                .isTrue();
        assertThat(holds(
                        "{\"Variable\": \"$.v\", \"NumericGreaterThan\": 9007199254740992}",
                        "{\"v\": 9007199254740993}"))
                .isTrue();
    }

    @Test
    void timestampComparison_textThatIsNoRfc3339Timestamp_isFalse() {
        String rule = "{\"Variable\": \"$.v\", \"TimestampEquals\": \"2012-10-09T19:00:55Z\"}";

        assertThat(holds(rule, "{\"v\": \"2012-10-09 19:00:55Z\"}")).isFalse();
        assertThat(holds(rule, "{\"v\": \"2012-10-09t19:00:55Z\"}")).isFalse();
        assertThat(holds(rule, "{\"v\": \"2012-10-09T19:00Z\"}")).isFalse();
        assertThat(holds(rule, "{\"v\": \"2012-13-09T19:00:55Z\"}")).isFalse();
    }

    @Test
    void stringMatches_starMatchesAnyRunAndEscapesAreLiteral() {
        String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"log-*.txt\"}";
        assertThat(holds(rule, "{\"v\": \"log-.txt\"}")).isTrue();
        assertThat(holds(rule, "{\"v\": \"log-2024-01.txt\"}")).isTrue();
        assertThat(holds(rule, "{\"v\": \"log-1.txt.gz\"}")).isFalse();
        assertThat(holds(rule, "{\"v\": 1}")).isFalse();

        String escaped = "{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\*b*\\\\\\\\\"}";
        assertThat(holds(escaped, "{\"v\": \"a*bxyz\\\\\"}")).isTrue();
        assertThat(holds(escaped, "{\"v\": \"aXbxyz\\\\\"}")).isFalse();
        assertThat(holds("{\"Variable\": \"$.v\", \"StringMatches\": \"*a*a*\"}", "{\"v\": \"banana\"}"))
                .isTrue();
        assertThat(holds("{\"Variable\": \"$.v\", \"StringMatches\": \"a*a\"}", "{\"v\": \"a\"}"))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "IsNull      | null                   | true",
                "IsNull      | 0                      | false",
                "IsNumeric   | 1.5                    | true",
                "IsNumeric   | \"1\"                  | false",
                "IsString    | \"\"                   | true",
                "IsString    | []                     | false",
                "IsBoolean   | false                  | true",
                "IsBoolean   | \"true\"               | false",
                "IsTimestamp | \"2012-10-09T19:00:55Z\" | true",
                "IsTimestamp | \"2012-10-09\"         | false",
                "IsPresent   | null                   | true",
            })
    void typeTest_checksTheTypeAndFalseInvertsIt(String operator, String value, boolean expected) {
        String input = "{\"v\": " + value + "}";

        assertThat(holds("{\"Variable\": \"$.v\", \"" + operator + "\": true}", input))
                .isEqualTo(expected);
        assertThat(holds("{\"Variable\": \"$.v\", \"" + operator + "\": false}", input))
                .isEqualTo(!expected);
    }

    @Test
    void isPresent_missingVariable_isFalseInsteadOfAnError() {
        assertThat(holds("{\"Variable\": \"$.none\", \"IsPresent\": true}", "{}"))
                .isFalse();
        assertThat(holds("{\"Variable\": \"$.none\", \"IsPresent\": false}", "{}"))
                .isTrue();
    }

    @Test
    void comparison_missingVariable_failsWithStatesRuntime() {
        Failure failure = catchThrowableOfType(
                        FailureException.class,
                        () -> holds("{\"Variable\": \"$.value\", \"NumericEquals\": 1}", "{\"other\": 1}"))
                .failure();

        assertThat(failure)
                .isEqualTo(new Failure(
                        StatesErrors.RUNTIME,
                        "Invalid path '$.value': The choice state's condition path references an invalid value."));
    }

    @Test
    void comparison_missingPathOperand_failsNamingThatPath() {
        assertThat(catchThrowableOfType(
                                FailureException.class,
                                () -> holds("{\"Variable\": \"$.a\", \"StringEqualsPath\": \"$.b\"}", "{\"a\": \"x\"}"))
                        .failure()
                        .cause())
                .startsWith("Invalid path '$.b'");
    }

    @Test
    void isPresentGuard_shortCircuitsTheComparisonOnMissingData() {
        String rule =
                "{\"And\": [{\"Variable\": \"$.v\", \"IsPresent\": true}, {\"Variable\": \"$.v\", \"NumericGreaterThan\": 20}]}";

        assertThat(holds(rule, "{}")).isFalse();
        assertThat(holds(rule, "{\"v\": 25}")).isTrue();
    }

    @Test
    void compound_andOrNot_combineTheirRules() {
        String rule = "{\"Or\": [{\"Not\": {\"Variable\": \"$.type\", \"StringEquals\": \"Private\"}},"
                + " {\"And\": [{\"Variable\": \"$.value\", \"NumericGreaterThanEquals\": 20},"
                + " {\"Variable\": \"$.value\", \"NumericLessThan\": 30}]}]}";

        assertThat(holds(rule, "{\"type\": \"Public\", \"value\": 0}")).isTrue();
        assertThat(holds(rule, "{\"type\": \"Private\", \"value\": 22}")).isTrue();
        assertThat(holds(rule, "{\"type\": \"Private\", \"value\": 30}")).isFalse();
    }

    @Test
    void variable_contextAndVariableRoots_areResolved() {
        EvaluationScope scope = scope(
                "{}",
                "{\"Execution\": {\"Input\": {\"input-value\": 0}}}",
                Map.of("guess", "\"x\"", "answer", "\"x\""));

        assertThat(holds("{\"Variable\": \"$$.Execution.Input.input-value\", \"NumericLessThanEquals\": 0}", scope))
                .isTrue();
        assertThat(holds("{\"Variable\": \"$guess\", \"StringEqualsPath\": \"$answer\"}", scope))
                .isTrue();
    }
}
