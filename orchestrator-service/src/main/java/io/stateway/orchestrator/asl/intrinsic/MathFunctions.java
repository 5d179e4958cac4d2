package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.json.Json;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/** {@code States.MathRandom} and {@code States.MathAdd}. Numbers are rounded half up to integers first. */
final class MathFunctions {

    private MathFunctions() {}

    /**
     * A random integer from start (inclusive) to end (exclusive). With a seed the result depends on the seed
     * only, so a run replays; without one it comes from the scope's random source.
     */
    static JsonNode random(Arguments arguments, EvaluationScope scope) {
        int start = arguments.rounded(0);
        int end = arguments.rounded(1);
        if (end <= start) {
            throw arguments.fail("the end (" + end + ") must be greater than the start (" + start + ")");
        }
        long span = (long) end - start;
        long offset = arguments.size() == 3
                ? new Random(arguments.rounded(2)).nextLong(span)
                : (long) Math.floor(scope.random().nextDouble() * span);
        return Json.NODES.numberNode((int) (start + offset));
    }

    static JsonNode add(Arguments arguments) {
        long sum = (long) arguments.rounded(0) + arguments.rounded(1);
        return sum == (int) sum ? Json.NODES.numberNode((int) sum) : Json.NODES.numberNode(sum);
    }
}
