package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.orchestrator.asl.EvaluationScope;
import tools.jackson.databind.JsonNode;

/** The 18 intrinsic functions, with the number of arguments each accepts. */
enum StatesFunction {
    FORMAT("States.Format", 1, Integer.MAX_VALUE),
    STRING_TO_JSON("States.StringToJson", 1, 1),
    JSON_TO_STRING("States.JsonToString", 1, 1),
    ARRAY("States.Array", 0, Integer.MAX_VALUE),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2),
    ARRAY_RANGE("States.ArrayRange", 3, 3),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2),
    ARRAY_LENGTH("States.ArrayLength", 1, 1),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1),
    BASE64_ENCODE("States.Base64Encode", 1, 1),
    BASE64_DECODE("States.Base64Decode", 1, 1),
    HASH("States.Hash", 2, 2),
    JSON_MERGE("States.JsonMerge", 3, 3),
    MATH_RANDOM("States.MathRandom", 2, 3),
    MATH_ADD("States.MathAdd", 2, 2),
    STRING_SPLIT("States.StringSplit", 2, 2),
    UUID("States.UUID", 0, 0);

    private final String functionName;
    private final int minArguments;
    private final int maxArguments;

    StatesFunction(String functionName, int minArguments, int maxArguments) {
        this.functionName = functionName;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    /** The function called {@code name} ({@code States.Format}), or null. */
    static StatesFunction named(String name) {
        for (StatesFunction function : values()) {
            if (function.functionName.equals(name)) {
                return function;
            }
        }
        return null;
    }

    String functionName() {
        return functionName;
    }

    boolean accepts(int count) {
        return count >= minArguments && count <= maxArguments;
    }

    String arity() {
        if (minArguments == maxArguments) {
            return minArguments + (minArguments == 1 ? " argument" : " arguments");
        }
        return maxArguments == Integer.MAX_VALUE
                ? "at least " + minArguments + (minArguments == 1 ? " argument" : " arguments")
                : minArguments + " or " + maxArguments + " arguments";
    }

    JsonNode apply(Arguments arguments, EvaluationScope scope) {
        return switch (this) {
            case FORMAT -> TextFunctions.format(arguments);
            case STRING_SPLIT -> TextFunctions.split(arguments);
            case UUID -> TextFunctions.uuid(scope);
            case STRING_TO_JSON -> JsonFunctions.stringToJson(arguments);
            case JSON_TO_STRING -> JsonFunctions.jsonToString(arguments);
            case JSON_MERGE -> JsonFunctions.merge(arguments);
            case ARRAY -> ArrayFunctions.array(arguments);
            case ARRAY_PARTITION -> ArrayFunctions.partition(arguments);
            case ARRAY_CONTAINS -> ArrayFunctions.contains(arguments);
            case ARRAY_RANGE -> ArrayFunctions.range(arguments);
            case ARRAY_GET_ITEM -> ArrayFunctions.getItem(arguments);
            case ARRAY_LENGTH -> ArrayFunctions.length(arguments);
            case ARRAY_UNIQUE -> ArrayFunctions.unique(arguments);
            case BASE64_ENCODE -> EncodingFunctions.base64Encode(arguments);
            case BASE64_DECODE -> EncodingFunctions.base64Decode(arguments);
            case HASH -> EncodingFunctions.hash(arguments);
            case MATH_RANDOM -> MathFunctions.random(arguments, scope);
            case MATH_ADD -> MathFunctions.add(arguments);
        };
    }
}
