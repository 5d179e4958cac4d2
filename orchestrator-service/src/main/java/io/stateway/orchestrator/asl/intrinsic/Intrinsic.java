package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.FailureException;
import tools.jackson.databind.JsonNode;

/**
 * A compiled intrinsic function call such as {@code States.Format('{} items', States.ArrayLength($.items))}:
 * an immutable, thread-safe expression tree, parsed once when a definition is loaded.
 *
 * <p>Misuse at run time (a wrong argument type, an index out of bounds, text that is not JSON) fails with
 * {@code States.IntrinsicFailure} and the cause {@code Invalid arguments in States.X: <what is wrong>}; a path
 * argument that finds nothing fails with {@code States.Runtime}, as a payload path does.
 */
public final class Intrinsic {

    private final Expression.Call call;

    private Intrinsic(Expression.Call call) {
        this.call = call;
    }

    /** Whether a {@code .$} value is meant as an intrinsic call rather than a path. */
    public static boolean isCall(String text) {
        return text.startsWith("States.");
    }

    /**
     * Compiles a call.
     *
     * @throws IntrinsicSyntaxException when the text is not a valid call of one of the 18 functions
     */
    public static Intrinsic compile(String text) {
        return new Intrinsic(IntrinsicParser.parse(text));
    }

    /**
     * Evaluates the call.
     *
     * @param field the field being computed ({@code "key.$"}, {@code "CausePath"}), named in the cause when a
     *     path argument finds nothing
     * @throws FailureException {@code States.IntrinsicFailure} or {@code States.Runtime}, as described above
     */
    public JsonNode evaluate(EvaluationScope scope, String field) {
        return call.evaluate(scope, field);
    }

    /** The call as written. */
    public String text() {
        return call.text();
    }

    @Override
    public String toString() {
        return call.text();
    }
}
