package io.stateway.orchestrator.asl.intrinsic;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.eval;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.Failure;
import org.junit.jupiter.api.Test;

class ArrayIntrinsicsTest {

    @Test
    void array_mixedArguments_keepsTheirOrderAndTypes() {
        assertThat(eval("States.Array('a', 1, 2.5, true, null, $.o, $.l)", "{\"o\": {\"k\": 1}, \"l\": [2]}"))
                .isEqualTo(json("[\"a\", 1, 2.5, true, null, {\"k\": 1}, [2]]"));
        assertThat(eval("States.Array()", "{}")).isEqualTo(json("[]"));
    }

    @Test
    void arrayPartition_splitsIntoChunksWithAShorterLastOne() {
        assertThat(eval("States.ArrayPartition($.a, 2)", "{\"a\": [1, 2, 3, 4, 5]}"))
                .isEqualTo(json("[[1, 2], [3, 4], [5]]"));
        assertThat(eval("States.ArrayPartition($.a, 9)", "{\"a\": [1, 2]}")).isEqualTo(json("[[1, 2]]"));
        assertThat(eval("States.ArrayPartition($.a, 3)", "{\"a\": []}")).isEqualTo(json("[]"));
    }

    @Test
    void arrayPartition_nonPositiveChunkSize_failsWithIntrinsicFailure() {
        assertThat(failure("States.ArrayPartition($.a, 0)", "{\"a\": [1]}"))
                .isEqualTo(
                        new Failure(
                                StatesErrors.INTRINSIC_FAILURE,
                                "Invalid arguments in States.ArrayPartition: the chunk size must be greater than 0, but was 0"));
    }

    @Test
    void arrayContains_comparesJsonValues() {
        assertThat(eval("States.ArrayContains($.a, $.v)", "{\"a\": [[1, 2], {\"x\": 1}], \"v\": {\"x\": 1}}"))
                .isEqualTo(json("true"));
        assertThat(eval("States.ArrayContains($.a, 2)", "{\"a\": [[1, 2], 3]}")).isEqualTo(json("false"));
        assertThat(eval("States.ArrayContains($.a, null)", "{\"a\": []}")).isEqualTo(json("false"));
        assertThat(eval("States.ArrayContains($.a, 1)", "{\"a\": [1.0]}")).isEqualTo(json("false"));
    }

    @Test
    void arrayRange_includesTheEndWhenTheStepReachesIt() {
        assertThat(eval("States.ArrayRange(1, 9, 2)", "{}")).isEqualTo(json("[1, 3, 5, 7, 9]"));
        assertThat(eval("States.ArrayRange(0, 10, 4)", "{}")).isEqualTo(json("[0, 4, 8]"));
        assertThat(eval("States.ArrayRange(5, 5, 3)", "{}")).isEqualTo(json("[5]"));
        assertThat(eval("States.ArrayRange(3, -3, -3)", "{}")).isEqualTo(json("[3, 0, -3]"));
    }

    @Test
    void arrayRange_zeroStepOrMoreThanAThousandItems_fails() {
        assertThat(failure("States.ArrayRange(1, 2, 0)", "{}").cause())
                .isEqualTo("Invalid arguments in States.ArrayRange: the step must not be 0");
        assertThat(failure("States.ArrayRange(1, 1001, 1)", "{}").cause())
                .isEqualTo("Invalid arguments in States.ArrayRange: the range would hold 1001 numbers, at most"
                        + " 1000 are allowed");
        assertThat(eval("States.ArrayRange(1, 1000, 1)", "{}").size()).isEqualTo(1000);
    }

    @Test
    void arrayGetItem_returnsTheElementOrFailsOutOfBounds() {
        assertThat(eval("States.ArrayGetItem($.a, 1)", "{\"a\": [\"x\", {\"y\": 2}]}"))
                .isEqualTo(json("{\"y\": 2}"));
        assertThat(failure("States.ArrayGetItem($.a, 2)", "{\"a\": [1, 2]}").cause())
                .isEqualTo("Invalid arguments in States.ArrayGetItem: the index 2 is out of bounds for an array of 2"
                        + " items");
        assertThat(failure("States.ArrayGetItem($.a, 0.5)", "{\"a\": [1]}").cause())
                .isEqualTo("Invalid arguments in States.ArrayGetItem: argument 2 must be an integer, but was 0.5");
    }

    @Test
    void arrayLength_countsTheElements() {
        assertThat(eval("States.ArrayLength($.a)", "{\"a\": [1, [2, 3], null]}"))
                .isEqualTo(json("3"));
    }

    @Test
    void arrayUnique_keepsTheFirstOfEqualElementsInOrder() {
        assertThat(eval("States.ArrayUnique($.a)", "{\"a\": [1, 2, 1, {\"k\": [1]}, \"1\", {\"k\": [1]}, 2]}"))
                .isEqualTo(json("[1, 2, {\"k\": [1]}, \"1\"]"));
    }

    @Test
    void arrayFunctions_argumentThatIsNotAnArray_failsNamingIt() {
        assertThat(failure("States.ArrayLength($.a)", "{\"a\": \"abc\"}"))
                .isEqualTo(new Failure(
                        StatesErrors.INTRINSIC_FAILURE,
                        "Invalid arguments in States.ArrayLength: argument 1 must be an array, but was \"abc\""));
    }
}
