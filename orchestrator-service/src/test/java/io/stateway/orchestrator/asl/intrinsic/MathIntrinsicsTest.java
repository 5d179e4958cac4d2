package io.stateway.orchestrator.asl.intrinsic;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.eval;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.failure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathIntrinsicsTest {

    @ParameterizedTest
    @CsvSource({"-9, 3, -6", "1.49, 1.5, 3", "1.5, 1.51, 4", "-1.5, 0, -1", "-1.51, 0, -2", "2.5, 0, 3", "-0.5, 0.5, 1"
    })
    void mathAdd_roundsEachArgumentHalfUpBeforeAdding(String a, String b, String sum) {
        assertThat(eval("States.MathAdd($.a, $.b)", "{\"a\": " + a + ", \"b\": " + b + "}")
                        .asString())
                .isEqualTo(sum);
    }

    @Test
    void mathAdd_literalArgumentsAndNesting_work() {
        assertThat(eval("States.MathAdd(States.ArrayLength($.l), -1)", "{\"l\": [1, 2, 3]}"))
                .isEqualTo(json("2"));
    }

    @Test
    void mathAdd_nonNumberOrOutOfIntRange_fails() {
        assertThat(failure("States.MathAdd($.a, 1)", "{\"a\": \"1\"}").cause())
                .isEqualTo("Invalid arguments in States.MathAdd: argument 1 must be a number, but was \"1\"");
        assertThat(failure("States.MathAdd(2147483648, 1)", "{}").cause())
                .isEqualTo("Invalid arguments in States.MathAdd: argument 1 must be between -2147483648 and"
                        + " 2147483647, but was 2147483648");
    }

    @Test
    void mathRandom_withoutSeed_scalesTheRandomSourceIntoTheRange() {
        assertThat(eval("States.MathRandom(10, 20)", "{}")).isEqualTo(json("15"));
        assertThat(eval("States.MathRandom($.a, $.b)", "{\"a\": 12.5, \"b\": 44.51}"))
                .isEqualTo(json("29"));
    }

    @Test
    void mathRandom_withSeed_isDeterministicAndInRange() {
        int first = eval("States.MathRandom(1, 1000, 42)", "{}").intValue();

        assertThat(eval("States.MathRandom(1, 1000, 42)", "{}").intValue()).isEqualTo(first);
        assertThat(first).isBetween(1, 999);
    }

    @Test
    void mathRandom_endNotAboveStart_fails() {
        assertThat(failure("States.MathRandom(5, 5)", "{}").cause())
                .isEqualTo("Invalid arguments in States.MathRandom: the end (5) must be greater than the start (5)");
    }
}
