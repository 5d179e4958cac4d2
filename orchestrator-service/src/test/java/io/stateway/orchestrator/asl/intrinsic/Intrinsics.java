package io.stateway.orchestrator.asl.intrinsic;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.Failure;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.TestScopes;
import tools.jackson.databind.JsonNode;

/** Shorthands for intrinsic tests: evaluate a call on an input given as JSON text. */
final class Intrinsics {

    private Intrinsics() {}

    static JsonNode eval(String call, String inputJson) {
        return Intrinsic.compile(call).evaluate(TestScopes.input(inputJson), "result.$");
    }

    static JsonNode eval(String call, EvaluationScope scope) {
        return Intrinsic.compile(call).evaluate(scope, "result.$");
    }

    static Failure failure(String call, String inputJson) {
        return catchThrowableOfType(FailureException.class, () -> eval(call, inputJson))
                .failure();
    }
}
