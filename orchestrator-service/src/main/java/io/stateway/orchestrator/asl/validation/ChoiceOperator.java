package io.stateway.orchestrator.asl.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The comparison operators of JSONPath Choice rules and the operand each takes. */
enum ChoiceOperator {
    STRING,
    NUMBER,
    BOOLEAN,
    TIMESTAMP,
    PATH,
    TYPE_TEST,
    AND_OR,
    NOT;

    private static final Map<String, ChoiceOperator> BY_NAME = new HashMap<>();

    static {
        for (String comparison :
                new String[] {"Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"}) {
            BY_NAME.put("String" + comparison, STRING);
            BY_NAME.put("Numeric" + comparison, NUMBER);
            BY_NAME.put("Timestamp" + comparison, TIMESTAMP);
            BY_NAME.put("String" + comparison + "Path", PATH);
            BY_NAME.put("Numeric" + comparison + "Path", PATH);
            BY_NAME.put("Timestamp" + comparison + "Path", PATH);
        }
        BY_NAME.put("StringMatches", STRING);
        BY_NAME.put("BooleanEquals", BOOLEAN);
        BY_NAME.put("BooleanEqualsPath", PATH);
        for (String test : new String[] {"IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"}) {
            BY_NAME.put(test, TYPE_TEST);
        }
        BY_NAME.put("And", AND_OR);
        BY_NAME.put("Or", AND_OR);
        BY_NAME.put("Not", NOT);
    }

    static Optional<ChoiceOperator> named(String field) {
        return Optional.ofNullable(BY_NAME.get(field));
    }

    /** Comparisons test a {@code Variable}; And, Or and Not combine other rules. */
    boolean comparesVariable() {
        return this != AND_OR && this != NOT;
    }
}
