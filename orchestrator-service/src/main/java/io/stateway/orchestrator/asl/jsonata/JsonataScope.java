package io.stateway.orchestrator.asl.jsonata;

import io.stateway.orchestrator.asl.RandomSource;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a JSONata expression sees: {@code $states.input}, {@code $states.context},
 * {@code $states.result} and {@code $states.errorOutput} (each only where AWS provides it), the
 * variables in scope as {@code $name}, and the randomness behind {@code $random()} / {@code $uuid()}.
 */
public record JsonataScope(
        JsonNode input,
        JsonNode context,
        JsonNode result,
        JsonNode errorOutput,
        Map<String, JsonNode> variables,
        RandomSource random) {

    Map<String, Object> statesBinding() {
        Map<String, Object> states = new LinkedHashMap<>(4);
        states.put("input", JsonataValues.toJava(input));
        states.put("context", JsonataValues.toJava(context));
        if (result != null) {
            states.put("result", JsonataValues.toJava(result));
        }
        if (errorOutput != null) {
            states.put("errorOutput", JsonataValues.toJava(errorOutput));
        }
        return states;
    }
}
