package io.stateway.orchestrator.asl.path;

import io.stateway.orchestrator.asl.json.JsonEquality;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A value inside a filter expression, with Jayway's loose equality: a number equals a string holding the same
 * number, a string equals a number with the same text, JSON containers compare structurally.
 */
sealed interface FilterValue {

    FilterValue NULL = new Null();
    FilterValue TRUE = new Bool(true);
    FilterValue FALSE = new Bool(false);
    FilterValue UNDEFINED = new Undefined();

    /** Jayway's {@code ValueNode.equals}: not symmetric, and never true for an undefined value. */
    boolean looselyEquals(FilterValue other);

    record Str(String value) implements FilterValue {
        @Override
        public boolean looselyEquals(FilterValue other) {
            return switch (other) {
                case Str s -> value.equals(s.value);
                case Num n -> value.equals(n.value.toString());
                default -> false;
            };
        }
    }

    record Num(BigDecimal value) implements FilterValue {
        @Override
        public boolean looselyEquals(FilterValue other) {
            return switch (other) {
                case Num n -> value.compareTo(n.value) == 0;
                case Str s -> {
                    BigDecimal parsed = parse(s.value);
                    yield parsed != null && value.compareTo(parsed) == 0;
                }
                default -> false;
            };
        }

        static BigDecimal parse(String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    record Bool(boolean value) implements FilterValue {
        @Override
        public boolean looselyEquals(FilterValue other) {
            return other instanceof Bool b && b.value == value;
        }
    }

    record Null() implements FilterValue {
        @Override
        public boolean looselyEquals(FilterValue other) {
            return other instanceof Null;
        }
    }

    /** An array or object. */
    record Json(JsonNode value) implements FilterValue {
        @Override
        public boolean looselyEquals(FilterValue other) {
            return other instanceof Json json && JsonEquality.equal(value, json.value);
        }

        /** The elements as filter values, or null when this is not an array. */
        List<FilterValue> elements() {
            if (!value.isArray()) {
                return null;
            }
            List<FilterValue> elements = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                elements.add(of(element));
            }
            return elements;
        }
    }

    /** What a path yields when it finds nothing. */
    record Undefined() implements FilterValue {
        @Override
        public boolean looselyEquals(FilterValue other) {
            return false;
        }
    }

    record Regex(Pattern pattern) implements FilterValue {
        @Override
        public boolean looselyEquals(FilterValue other) {
            return other instanceof Regex r && r.pattern.pattern().equals(pattern.pattern());
        }
    }

    static FilterValue of(JsonNode node) {
        if (node == null) {
            return UNDEFINED;
        }
        if (node.isNumber()) {
            return new Num(node.decimalValue());
        }
        if (node.isString()) {
            return new Str(node.stringValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? TRUE : FALSE;
        }
        if (node.isContainer()) {
            return new Json(node);
        }
        return NULL;
    }
}
