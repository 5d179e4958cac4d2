package io.stateway.orchestrator.asl.state;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.expr.PathExpression;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.jsonata.JsonataExpression;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * A number a definition gives literally, through a {@code ...Path}, or through JSONata:
 * {@code TimeoutSeconds}, {@code HeartbeatSeconds}, {@code MaxConcurrency},
 * {@code ToleratedFailureCount}, {@code ToleratedFailurePercentage}.
 */
public sealed interface NumberField {

    record Fixed(JsonNode value) implements NumberField {}

    /** A path field; {@code field} is its name ({@code MaxConcurrencyPath}) for error messages. */
    record Path(String field, PathExpression path) implements NumberField {}

    record Jsonata(JsonataExpression expression) implements NumberField {}

    /** A non-negative whole number, or {@code null} when {@code field} is {@code null}. */
    static Long whole(NumberField field, StateContext context, JsonNode input) {
        JsonNode value = value(field, context, input, true);
        return value == null ? null : value.longValue();
    }

    /** A non-negative number, or {@code null} when {@code field} is {@code null}. */
    static Double decimal(NumberField field, StateContext context, JsonNode input) {
        JsonNode value = value(field, context, input, false);
        return value == null ? null : value.doubleValue();
    }

    private static JsonNode value(NumberField field, StateContext context, JsonNode input, boolean whole) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case Fixed fixed -> fixed.value();
            case Path path -> {
                JsonNode value = numeric(path.path().require(context.scope(input)));
                if (!acceptable(value, whole)) {
                    throw new FailureException(
                            StatesErrors.RUNTIME,
                            "The " + path.field() + " field refers to value \""
                                    + (value.isString() ? value.stringValue() : value.toString())
                                    + "\" which is not a valid " + (whole ? "integer" : "number") + ": "
                                    + path.path().text());
                }
                yield value;
            }
            case Jsonata jsonata -> {
                JsonNode value = jsonata.expression().evaluate(context.jsonataScope(null, null));
                if (!acceptable(value, whole)) {
                    throw jsonata.expression()
                            .error("returned an unexpected result type. Expected '" + (whole ? "integer" : "number")
                                    + "', but was '" + JsonTypes.name(value) + "' for value: " + value);
                }
                yield value;
            }
        };
    }

    /** A path may point at a number written as a string ({@code "1"}), which AWS accepts. */
    private static JsonNode numeric(JsonNode value) {
        if (value.isString()) {
            try {
                BigDecimal number = new BigDecimal(value.stringValue().strip());
                return number.stripTrailingZeros().scale() <= 0
                        ? Json.NODES.numberNode(number.longValueExact())
                        : Json.NODES.numberNode(number.doubleValue());
            } catch (NumberFormatException | ArithmeticException e) {
                return value;
            }
        }
        return value;
    }

    private static boolean acceptable(JsonNode value, boolean whole) {
        if (!value.isNumber() || value.doubleValue() < 0) {
            return false;
        }
        return !whole || (value.isIntegralNumber() && value.canConvertToLong());
    }
}
