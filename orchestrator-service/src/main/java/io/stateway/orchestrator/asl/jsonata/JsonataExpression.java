package io.stateway.orchestrator.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.FailureException;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One JSONata expression from a {@code {% ... %}} string, compiled once, evaluated against a
 * {@link JsonataScope}. Failures are {@code States.QueryEvaluationError} with AWS's cause text,
 * which names the expression and the field it came from ({@code Output/result}, {@code Items}, ...).
 */
public final class JsonataExpression {

    /** Bounds that keep a runaway expression from taking a worker down. */
    private static final long TIMEOUT_MILLIS = 5_000;

    private static final int MAX_DEPTH = 500;

    private final String text;
    private final String field;
    private final Jsonata compiled;

    private JsonataExpression(String text, String field, Jsonata compiled) {
        this.text = text;
        this.field = field;
        this.compiled = compiled;
    }

    /**
     * Compiles the body of a {@code {% body %}} string.
     *
     * @param field where the expression sits, for error messages ({@code Output/result})
     * @throws JsonataSyntaxException if the body is not valid JSONata
     */
    public static JsonataExpression compile(String body, String field) {
        try {
            Jsonata compiled = Jsonata.jsonata(body);
            // Keep JSON null apart from "undefined": AWS rejects only the latter.
            compiled.setOutputConvertNulls(false);
            return new JsonataExpression(body, field, compiled);
        } catch (JException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new JsonataSyntaxException(body, e.getMessage());
        }
    }

    public String text() {
        return text;
    }

    public String field() {
        return field;
    }

    /** Evaluates the expression; "undefined" results are an error, as they are on AWS. */
    public JsonNode evaluate(JsonataScope scope) {
        JsonNode result = evaluateOrUndefined(scope);
        if (result == null) {
            throw error("returned nothing (undefined).");
        }
        return result;
    }

    /** Evaluates the expression, returning {@code null} for JSONata's "undefined". */
    public JsonNode evaluateOrUndefined(JsonataScope scope) {
        Object value;
        try {
            Jsonata.Frame frame = compiled.createFrame();
            frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
            frame.bind("states", scope.statesBinding());
            for (Map.Entry<String, JsonNode> variable : scope.variables().entrySet()) {
                frame.bind(variable.getKey(), JsonataValues.toJava(variable.getValue()));
            }
            StepFunctionsFunctions.bind(frame, scope.random());
            value = compiled.evaluate(null, frame);
        } catch (JException e) {
            throw error("threw an error during evaluation. " + describe(e));
        } catch (FailureException e) {
            throw e;
        } catch (RuntimeException e) {
            throw error("threw an error during evaluation. " + e.getMessage());
        }
        try {
            return JsonataValues.toJson(value);
        } catch (JsonataValues.UnsupportedResultException e) {
            throw error("returned an unsupported result type.");
        }
    }

    /** A {@code States.QueryEvaluationError} about this expression. */
    public FailureException error(String what) {
        return new FailureException(
                StatesErrors.QUERY_EVALUATION_ERROR,
                "The JSONata expression '" + text + "' specified for the field '" + field + "' " + what,
                field);
    }

    private static String describe(JException e) {
        String code = e.getError();
        String message = e.getMessage();
        if (code != null && message != null && !message.startsWith(code)) {
            return code + ": " + message;
        }
        return message == null ? String.valueOf(code) : message;
    }

    @Override
    public String toString() {
        return "{% " + text + " %}";
    }
}
