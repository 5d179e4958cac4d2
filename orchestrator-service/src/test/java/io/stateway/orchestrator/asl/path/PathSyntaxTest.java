package io.stateway.orchestrator.asl.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSyntaxTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$",
                "$$",
                "$.a",
                "$.a-b.c_d.1",
                "$['a']['b']",
                "$[\"a\"]",
                "$.a[0][-1]",
                "$.a[1:2]",
                "$.a[:2]",
                "$.a[2:]",
                "$.a[ 0 , 1 ]",
                "$.a[*].b",
                "$.*",
                "$..a",
                "$..*",
                "$..[0]",
                "$.a[?(@.b == 1)]",
                "$.a[?(@.b =~ /x(y)z/i)]",
                "$.a[?(@.b in ['(', ')'])]",
                "$.a[?(!@.b && (@.c > 1 || @.d <= 'x'))]",
                "$.a.length()",
                "$name",
                "$name.a[0]",
                "$$.Execution.Input"
            })
    void compile_validPath_succeeds(String path) {
        assertThatCode(() -> JsonPath.compile(path)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a.b",
                " $.a",
                "$a b",
                "$.",
                "$..",
                "$.a.",
                "$...a",
                "$.a b",
                "$[",
                "$['a'",
                "$['a']x",
                "$[a]",
                "$.a[1",
                "$.a[x]",
                "$.a[1:x]",
                "$.a[?(@.b ==)]",
                "$.a[?(@.b == 1]",
                "$.a[?(@.b =~ /[/)]",
                "$.a.f(",
                "$x!"
            })
    void compile_invalidPath_throwsPathSyntaxException(String path) {
        PathSyntaxException error = catchThrowableOfType(PathSyntaxException.class, () -> JsonPath.compile(path));

        assertThat(error).isNotNull();
        assertThat(error.path()).isEqualTo(path);
        assertThat(error.getMessage()).startsWith("Invalid JSONPath '" + path + "': ");
    }
}
