package io.stateway.orchestrator.asl.state;

import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.expr.ValueExpression;
import io.stateway.orchestrator.asl.jsonata.JsonataScope;
import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A state's {@code Assign}: the variables it sets when it completes. All of them are computed
 * against the values before the state, so one assignment never sees another of the same state.
 */
public sealed interface Assign {

    /** JSONPath dialect: an object whose {@code .$} members take paths or intrinsics, {@code $} the result. */
    record JsonPath(ValueExpression template) implements Assign {}

    /** JSONata dialect: an object whose string members may be {@code {% %}} expressions. */
    record Jsonata(JsonataTemplate template) implements Assign {}

    /** Evaluates the assignments in the state's dialect. */
    static Map<String, JsonNode> evaluate(Assign assign, EvaluationScope pathScope, JsonataScope jsonataScope) {
        JsonNode values = switch (assign) {
            case JsonPath path -> path.template().evaluate(pathScope);
            case Jsonata jsonata -> jsonata.template().evaluate(jsonataScope);
        };
        Map<String, JsonNode> assigned = new LinkedHashMap<>();
        for (var property : values.properties()) {
            assigned.put(property.getKey(), property.getValue());
        }
        return assigned;
    }
}
