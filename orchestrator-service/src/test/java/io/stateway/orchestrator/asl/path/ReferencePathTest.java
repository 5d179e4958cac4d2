package io.stateway.orchestrator.asl.path;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.FailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ReferencePathTest {

    private static JsonNode apply(String path, String input, String result) {
        return ReferencePath.compile(path).apply(json(input), json(result));
    }

    @Test
    void apply_root_replacesTheInput() {
        assertThat(apply("$", "{\"a\": 1}", "[1]")).isEqualTo(json("[1]"));
    }

    @Test
    void apply_newProperty_isAddedNextToTheOthers() {
        assertThat(apply("$.result", "{\"a\": 1}", "{\"r\": true}"))
                .isEqualTo(json("{\"a\": 1, \"result\": {\"r\": true}}"));
    }

    @Test
    void apply_existingProperty_isReplaced() {
        assertThat(apply("$.a", "{\"a\": {\"old\": 1}, \"b\": 2}", "3")).isEqualTo(json("{\"a\": 3, \"b\": 2}"));
    }

    @Test
    void apply_missingObjectsOnTheWay_areCreated() {
        assertThat(apply("$.x.y['z z']", "{\"a\": 1}", "\"v\""))
                .isEqualTo(json("{\"a\": 1, \"x\": {\"y\": {\"z z\": \"v\"}}}"));
    }

    @Test
    void apply_index_replacesThatElement() {
        assertThat(apply("$.list[1].v", "{\"list\": [{\"v\": 0}, {\"v\": 0, \"w\": 1}]}", "9"))
                .isEqualTo(json("{\"list\": [{\"v\": 0}, {\"v\": 9, \"w\": 1}]}"));
        assertThat(apply("$.list[-1]", "{\"list\": [1, 2]}", "0")).isEqualTo(json("{\"list\": [1, 0]}"));
    }

    @Test
    void apply_neverModifiesTheInput() {
        JsonNode input = json("{\"a\": {\"b\": [1, {\"c\": 2}]}, \"d\": 3}");
        String before = input.toString();

        JsonNode output = ReferencePath.compile("$.a.b[1].c").apply(input, json("5"));

        assertThat(input.toString()).isEqualTo(before);
        assertThat(output).isEqualTo(json("{\"a\": {\"b\": [1, {\"c\": 5}]}, \"d\": 3}"));
        assertThat(output.get("d")).isSameAs(input.get("d"));
    }

    @Test
    void apply_inputThatIsNotAnObject_failsWithResultPathMatchFailure() {
        Failure failure = catchThrowableOfType(
                        FailureException.class, () -> apply("$.partitioned", "\"{\\\"min\\\":1}\"", "1"))
                .failure();

        assertThat(failure)
                .isEqualTo(new Failure(
                        StatesErrors.RESULT_PATH_MATCH_FAILURE,
                        "Unable to apply ReferencePath $.partitioned to input \"{\\\"min\\\":1}\""));
    }

    @Test
    void apply_throughAScalarOrOutOfRange_fails() {
        assertThatThrownBy(() -> apply("$.a.b", "{\"a\": 1}", "2")).isInstanceOf(FailureException.class);
        assertThatThrownBy(() -> apply("$.a[2]", "{\"a\": [1]}", "2")).isInstanceOf(FailureException.class);
        assertThatThrownBy(() -> apply("$.a[0]", "{}", "2")).isInstanceOf(FailureException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$$.Execution", "$var.a", "$.a[*]", "$..a", "$.a[0,1]", "$['a','b']", "$.a[?(@.x)]", "x"})
    void compile_pathThatIsNotAReferencePath_isRejected(String path) {
        assertThatThrownBy(() -> ReferencePath.compile(path)).isInstanceOf(PathSyntaxException.class);
    }
}
