package io.stateway.orchestrator.asl.path;

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

class JsonPathRequireTest {

    private static Failure failure(String path, EvaluationScope scope) {
        return catchThrowableOfType(
                        FailureException.class, () -> JsonPath.compile(path).require(scope))
                .failure();
    }

    @Test
    void require_presentValue_returnsIt() {
        assertThat(JsonPath.compile("$.a[1]").require(input("{\"a\": [1, 2]}"))).isEqualTo(json("2"));
    }

    @Test
    void require_indefinitePathMatchingNothing_returnsAnEmptyArray() {
        assertThat(JsonPath.compile("$.a[*].b").require(input("{}"))).isEqualTo(json("[]"));
    }

    @Test
    void require_missingLeaf_failsWithJaywaysNoResultsMessage() {
        assertThat(failure("$.NoSuchInputPath", input("{\"a\": 1}")))
                .isEqualTo(new Failure(
                        StatesErrors.RUNTIME,
                        "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']"));
    }

    @Test
    void require_missingIntermediate_failsWithMissingProperty() {
        assertThat(failure("$.no.such.result.path", input("{}")).cause())
                .isEqualTo("Invalid path '$.no.such.result.path' : Missing property in path $['no']");
    }

    @Test
    void require_indexOutOfRange_failsWithTheWholePath() {
        assertThat(failure("$.a[5].b", input("{\"a\": [{\"b\": 1}]}")).cause())
                .isEqualTo("Invalid path '$.a[5].b' : No results for path: $['a'][5]['b']");
    }

    @Test
    void require_propertyOfAString_failsNamingTheJavaType() {
        assertThat(failure("$.a.b", input("{\"a\": \"text\"}")).cause())
                .isEqualTo("Invalid path '$.a.b' : Expected to find an object with property ['b'] in path $['a'] but"
                        + " found 'java.lang.String'. This is not a json object according to the JsonProvider:"
                        + " 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.");
    }

    @Test
    void require_indexIntoNullOrObject_failsAsJayway() {
        assertThat(failure("$.a[0]", input("{\"a\": null}")).cause())
                .isEqualTo("Invalid path '$.a[0]' : The path $['a'] is null");
        assertThat(failure("$.a[0].b", input("{\"a\": {\"x\": 1}}")).cause())
                .isEqualTo("Invalid path '$.a[0].b' : Filter: [0]['b'] can only be applied to arrays. Current"
                        + " context is: {\"x\":1}");
    }

    @Test
    void require_unsetVariable_failsNamingTheVariable() {
        assertThat(failure("$missing.a", scope("{}", "{}", Map.of())).cause())
                .isEqualTo("Invalid path '$missing.a' : The variable 'missing' is not defined");
    }
}
