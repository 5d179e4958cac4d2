package io.stateway.orchestrator.asl.intrinsic;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.eval;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.asl.StatesErrors;
import org.junit.jupiter.api.Test;

class JsonIntrinsicsTest {

    @Test
    void stringToJson_parsesEveryKindOfJsonText() {
        assertThat(eval("States.StringToJson($.s)", "{\"s\": \"{\\\"a\\\": [1, true]}\"}"))
                .isEqualTo(json("{\"a\": [1, true]}"));
        assertThat(eval("States.StringToJson($.s)", "{\"s\": \"-0\"}")).isEqualTo(json("0"));
        assertThat(eval("States.StringToJson($.s)", "{\"s\": \"2.5\"}")).isEqualTo(json("2.5"));
        assertThat(eval("States.StringToJson('\"x\"')", "{}")).isEqualTo(json("\"x\""));
    }

    @Test
    void stringToJson_blankText_givesNull() {
        assertThat(eval("States.StringToJson($.s)", "{\"s\": \"\"}")).isEqualTo(json("null"));
        assertThat(eval("States.StringToJson($.s)", "{\"s\": \"  \"}")).isEqualTo(json("null"));
    }

    @Test
    void stringToJson_invalidText_failsWithIntrinsicFailure() {
        assertThat(failure("States.StringToJson($.s)", "{\"s\": \"{oops\"}").error())
                .isEqualTo(StatesErrors.INTRINSIC_FAILURE);
    }

    @Test
    void jsonToString_writesCompactJson() {
        assertThat(eval("States.JsonToString($.v)", "{\"v\": {\"a\": [1, \"x\"], \"b\": 1.5}}"))
                .isEqualTo(json("\"{\\\"a\\\":[1,\\\"x\\\"],\\\"b\\\":1.5}\""));
        assertThat(eval("States.JsonToString($.v)", "{\"v\": \"s\"}")).isEqualTo(json("\"\\\"s\\\"\""));
    }

    @Test
    void jsonMerge_secondObjectWinsOnSharedKeys() {
        assertThat(eval(
                        "States.JsonMerge($.a, $.b, false)",
                        "{\"a\": {\"x\": 1, \"y\": {\"p\": 1}}, \"b\": {\"y\": {\"q\": 2}}}"))
                .isEqualTo(json("{\"x\": 1, \"y\": {\"q\": 2}}"));
    }

    @Test
    void jsonMerge_nestedStringToJsonArgument_isMerged() {
        assertThat(eval("States.JsonMerge(States.StringToJson('{\"k\": \"v\"}'), $.b, false)", "{\"b\": {\"z\": 0}}"))
                .isEqualTo(json("{\"k\": \"v\", \"z\": 0}"));
    }

    @Test
    void jsonMerge_deepMergeOrNonObjects_fail() {
        assertThat(failure("States.JsonMerge($.a, $.a, true)", "{\"a\": {}}").cause())
                .isEqualTo("Invalid arguments in States.JsonMerge: only a shallow merge is supported, the third"
                        + " argument must be false");
        assertThat(failure("States.JsonMerge($.a, 1, false)", "{\"a\": {}}").cause())
                .isEqualTo("Invalid arguments in States.JsonMerge: argument 2 must be a JSON object, but was 1");
    }
}
