package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.model.asl.StatesErrors;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.json.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The evaluated arguments of one call, read by type. A wrong type or value fails the call with {@code
 * States.IntrinsicFailure} and the cause {@code Invalid arguments in States.X: ...}. {@code template} is the
 * source of a literal {@code States.Format} template, whose escaped braces are no placeholders; else null.
 */
record Arguments(StatesFunction function, List<JsonNode> values, String template) {

    int size() {
        return values.size();
    }

    JsonNode get(int index) {
        return values.get(index);
    }

    String string(int index) {
        JsonNode value = values.get(index);
        if (!value.isString()) {
            throw fail("argument " + (index + 1) + " must be a string, but was " + describe(value));
        }
        return value.stringValue();
    }

    JsonNode array(int index) {
        JsonNode value = values.get(index);
        if (!value.isArray()) {
            throw fail("argument " + (index + 1) + " must be an array, but was " + describe(value));
        }
        return value;
    }

    JsonNode object(int index) {
        JsonNode value = values.get(index);
        if (!value.isObject()) {
            throw fail("argument " + (index + 1) + " must be a JSON object, but was " + describe(value));
        }
        return value;
    }

    boolean bool(int index) {
        JsonNode value = values.get(index);
        if (!value.isBoolean()) {
            throw fail("argument " + (index + 1) + " must be a boolean, but was " + describe(value));
        }
        return value.booleanValue();
    }

    /** An integral number that fits an int. */
    int integer(int index) {
        JsonNode value = values.get(index);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw fail("argument " + (index + 1) + " must be an integer, but was " + describe(value));
        }
        return value.intValue();
    }

    /** Any number, rounded half up to an int as AWS does ({@code 1.5} is 2, {@code -1.5} is -1). */
    int rounded(int index) {
        JsonNode value = values.get(index);
        if (!value.isNumber()) {
            throw fail("argument " + (index + 1) + " must be a number, but was " + describe(value));
        }
        long rounded = Math.round(value.doubleValue());
        if (rounded < Integer.MIN_VALUE || rounded > Integer.MAX_VALUE) {
            throw fail("argument " + (index + 1) + " must be between -2147483648 and 2147483647, but was "
                    + Json.text(value));
        }
        return (int) rounded;
    }

    FailureException fail(String detail) {
        return new FailureException(
                StatesErrors.INTRINSIC_FAILURE, "Invalid arguments in " + function.functionName() + ": " + detail);
    }

    private static String describe(JsonNode value) {
        return Json.text(value);
    }
}
