package io.stateway.orchestrator.asl.choice;

import tools.jackson.databind.JsonNode;

/** Numeric comparison for Choice rules: exact, and cheap for the ints, longs and doubles JSON mostly holds. */
final class Numbers {

    private Numbers() {}

    /** Like {@code compareTo} of the two numbers' values ({@code 1} equals {@code 1.0}, {@code -0.0} equals 0). */
    static int compare(JsonNode a, JsonNode b) {
        if (a.isBigDecimal() || b.isBigDecimal() || a.isBigInteger() || b.isBigInteger()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return Long.compare(a.longValue(), b.longValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return x < y ? -1 : x > y ? 1 : 0;
    }
}
