package io.stateway.orchestrator.asl.choice;

import tools.jackson.databind.JsonNode;

/** The {@code Is...} tests of Choice rules. */
public enum TypeCheck {
    IS_NULL("IsNull"),
    IS_PRESENT("IsPresent"),
    IS_NUMERIC("IsNumeric"),
    IS_STRING("IsString"),
    IS_BOOLEAN("IsBoolean"),
    IS_TIMESTAMP("IsTimestamp");

    private final String operator;

    TypeCheck(String operator) {
        this.operator = operator;
    }

    public String operator() {
        return operator;
    }

    static TypeCheck named(String operator) {
        for (TypeCheck check : values()) {
            if (check.operator.equals(operator)) {
                return check;
            }
        }
        return null;
    }

    /** Whether a present value passes the test ({@link #IS_PRESENT} is decided before a value is read). */
    boolean test(JsonNode value) {
        return switch (this) {
            case IS_NULL -> value.isNull();
            case IS_PRESENT -> true;
            case IS_NUMERIC -> value.isNumber();
            case IS_STRING -> value.isString();
            case IS_BOOLEAN -> value.isBoolean();
            case IS_TIMESTAMP -> value.isString() && Timestamps.parse(value.stringValue()) != null;
        };
    }
}
