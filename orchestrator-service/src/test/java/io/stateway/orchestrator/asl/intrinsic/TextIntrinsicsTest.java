package io.stateway.orchestrator.asl.intrinsic;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static io.stateway.orchestrator.asl.TestScopes.scope;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.eval;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.orchestrator.asl.TestScopes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextIntrinsicsTest {

    @Test
    void format_replacesPlaceholdersInOrder() {
        assertThat(eval("States.Format('Hello, {}! You are {}.', $.name, $.age)", "{\"name\": \"Ana\", \"age\": 7}"))
                .isEqualTo(json("\"Hello, Ana! You are 7.\""));
    }

    @Test
    void format_scalars_printAsTheirJsonText() {
        assertThat(eval(
                        "States.Format('{}|{}|{}|{}|{}', $.s, $.i, $.d, $.b, $.n)",
                        "{\"s\": \"\", \"i\": -3, \"d\": 1.25, \"b\": false, \"n\": null}"))
                .isEqualTo(json("\"|-3|1.25|false|null\""));
    }

    @Test
    void format_objectsAndArrays_printAsJavaMapsAndLists() {
        assertThat(
                        eval(
                                "States.Format('{} and {}', $.o, $.l)",
                                "{\"o\": {\"Id\": \"arn:x\", \"Name\": \"m\", \"n\": {\"k\": [1, \"a\"]}}, \"l\": [1, \"b\", null]}"))
                .isEqualTo(json("\"{Id=arn:x, Name=m, n={k=[1, a]}} and [1, b, null]\""));
    }

    @Test
    void format_escapedBracesAndQuotes_areLiteralCharacters() {
        assertThat(eval("States.Format('\\{\"key\":\"{}\"\\} it\\'s \\\\', $.v)", "{\"v\": \"x\"}"))
                .isEqualTo(json("\"{\\\"key\\\":\\\"x\\\"} it's \\\\\""));
    }

    @Test
    void format_escapedBracePair_isNoPlaceholder() {
        assertThat(eval("States.Format('\\{\\} {}', 1)", "{}")).isEqualTo(json("\"{} 1\""));
        assertThat(eval("States.Format($.t, 1)", "{\"t\": \"\\\\{}\"}").asString())
                .isEqualTo("\\1");
    }

    @Test
    void format_templateFromAPath_countsItsPlaceholdersAtRunTime() {
        assertThat(eval("States.Format($.t, 1)", "{\"t\": \"n={}\"}")).isEqualTo(json("\"n=1\""));
        assertThat(failure("States.Format($.t, 1)", "{\"t\": \"none\"}").cause())
                .isEqualTo("Invalid arguments in States.Format: the template has 0 {} placeholders but 1 values were"
                        + " given");
    }

    @Test
    void format_contextAndVariableArguments_areResolved() {
        assertThat(eval(
                        "States.Format('{}-{}', $$.Execution.Name, $prefix)",
                        scope("{}", "{\"Execution\": {\"Name\": \"run1\"}}", Map.of("prefix", "\"p\""))))
                .isEqualTo(json("\"run1-p\""));
    }

    @Test
    void stringSplit_splitsOnEachDelimiterCharacterAndDropsEmptyPieces() {
        assertThat(eval("States.StringSplit($.s, '.+,=')", "{\"s\": \"This.is+a,test=string\"}"))
                .isEqualTo(json("[\"This\", \"is\", \"a\", \"test\", \"string\"]"));
        assertThat(eval("States.StringSplit(', , ,', ',')", "{}")).isEqualTo(json("[\" \", \" \"]"));
        assertThat(eval("States.StringSplit(',,', ',')", "{}")).isEqualTo(json("[]"));
        assertThat(eval("States.StringSplit($.s, $.d)", "{\"s\": \"a\\nb\", \"d\": \"\\n\"}"))
                .isEqualTo(json("[\"a\", \"b\"]"));
    }

    @Test
    void stringSplit_nonStringArgument_fails() {
        assertThat(failure("States.StringSplit($.s, ',')", "{\"s\": 1}").cause())
                .isEqualTo("Invalid arguments in States.StringSplit: argument 1 must be a string, but was 1");
    }

    @Test
    void uuid_comesFromTheScopesRandomSource() {
        assertThat(eval("States.UUID()", "{}")).isEqualTo(json("\"" + TestScopes.RANDOM.uuid() + "\""));
    }
}
