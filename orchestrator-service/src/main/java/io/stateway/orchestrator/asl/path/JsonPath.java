package io.stateway.orchestrator.asl.path;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.FailureException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A compiled JSONPath with the semantics Step Functions gives it (Jayway JsonPath): immutable, thread-safe,
 * parsed once when a definition is loaded.
 *
 * <p>A path starts at the state's input ({@code $...}), the context object ({@code $$...}) or a variable
 * ({@code $name...}). A <em>definite</em> path (names and single indexes only) selects one node; an indefinite
 * one (wildcards, slices, unions, {@code ..}, filters) selects an array of every match, possibly empty. Jayway's
 * functions such as {@code length()} compile but, as on AWS, never find anything.
 *
 * <p>Results may share subtrees with the document read; like every value in the engine they must not be mutated.
 */
public final class JsonPath implements io.stateway.orchestrator.asl.expr.PathExpression {

    /** Where a path starts. */
    public enum Root {
        /** {@code $}: the state's (effective) input. */
        INPUT,
        /** {@code $$}: the context object. */
        CONTEXT,
        /** {@code $name}: a workflow variable. */
        VARIABLE
    }

    private final String text;
    private final Root root;
    private final String variable;
    private final List<Segment> segments;
    private final boolean definite;
    private final boolean evaluable;

    private JsonPath(String text, PathParser.Parsed parsed) {
        this.text = text;
        this.root = parsed.root();
        this.variable = parsed.variable();
        this.segments = parsed.segments();
        this.definite = parsed.definite();
        this.evaluable = parsed.evaluable();
    }

    /**
     * Compiles a path.
     *
     * @throws PathSyntaxException when the text is not a path Step Functions accepts
     */
    public static JsonPath compile(String text) {
        return new JsonPath(text, PathParser.parse(text));
    }

    /** The path as written. */
    public String text() {
        return text;
    }

    public Root root() {
        return root;
    }

    /** The variable a {@link Root#VARIABLE} path starts at. */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }

    /** Whether the path selects at most one node (then it is also usable where AWS wants a Reference Path). */
    public boolean isDefinite() {
        return definite;
    }

    /**
     * The node this path selects in the scope, or empty when it selects nothing. An indefinite path always
     * yields an array (empty when nothing matches); a definite one yields the node itself.
     */
    public Optional<JsonNode> read(EvaluationScope scope) {
        return Optional.ofNullable(find(scope));
    }

    /**
     * Like {@link #read} but fails as AWS does for {@code InputPath}, {@code OutputPath}, {@code ItemsPath} and
     * the other path fields: {@code States.Runtime} with the cause {@code Invalid path '$.x' : No results for
     * path: $['x']} (the engine prefixes the state it was executing).
     */
    public JsonNode require(EvaluationScope scope) {
        JsonNode value = find(scope);
        if (value == null) {
            JsonNode document = document(scope);
            String reason = document == null
                    ? "The variable '" + variable + "' is not defined"
                    : NotFoundReason.of(segments, document);
            throw new FailureException(StatesErrors.RUNTIME, "Invalid path '" + text + "' : " + reason);
        }
        return value;
    }

    /** The document this path starts at: the input, the context object or the variable's value (null if unset). */
    public JsonNode document(EvaluationScope scope) {
        return switch (root) {
            case INPUT -> scope.input();
            case CONTEXT -> scope.context();
            case VARIABLE -> scope.variables().get(variable);
        };
    }

    private JsonNode find(EvaluationScope scope) {
        JsonNode document = document(scope);
        if (document == null || !evaluable) {
            return null;
        }
        if (definite) {
            return segments.isEmpty() ? document : PathEvaluator.readDefinite(segments, document);
        }
        return PathEvaluator.readAll(segments, document, document);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
