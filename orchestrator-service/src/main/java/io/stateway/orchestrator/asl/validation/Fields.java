package io.stateway.orchestrator.asl.validation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one field of an ASL object, each reporting a schema finding at the field when the
 * value has the wrong type or range. A read of an absent field reports nothing and returns empty;
 * requiredness is the {@link Shape}'s concern.
 */
final class Fields {

    /** Integer fields of ASL are capped at this value (the documented maximum of the seconds fields). */
    static final long MAX_SECONDS = 99_999_999L;

    private static final BigDecimal BEYOND_ANY_LIMIT = new BigDecimal("1E+400");

    private Fields() {}

    static Optional<String> string(Inspection in, JsonNode owner, Location at, String name) {
        JsonNode value = owner.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isString()) {
            in.schema(typeMessage("String"), at.field(name));
            return Optional.empty();
        }
        return Optional.of(value.stringValue());
    }

    /** A string that must not be empty ({@code StartAt}, {@code Next}, {@code Resource}...). */
    static Optional<String> nonEmptyString(Inspection in, JsonNode owner, Location at, String name) {
        Optional<String> value = string(in, owner, at, name);
        if (value.isPresent() && value.get().isEmpty()) {
            in.schema(emptyMessage(), at.field(name));
            return Optional.empty();
        }
        return value;
    }

    static Optional<Boolean> bool(Inspection in, JsonNode owner, Location at, String name) {
        JsonNode value = owner.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            in.schema(typeMessage("Boolean"), at.field(name));
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    static Optional<JsonNode> object(Inspection in, JsonNode owner, Location at, String name) {
        JsonNode value = owner.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            in.schema(typeMessage("Object"), at.field(name));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** An array that must hold at least one element ({@code Branches}, {@code Choices}...). */
    static Optional<JsonNode> nonEmptyArray(Inspection in, JsonNode owner, Location at, String name) {
        JsonNode value = owner.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            in.schema(typeMessage("Array"), at.field(name));
            return Optional.empty();
        }
        if (value.isEmpty()) {
            in.schema(emptyMessage(), at.field(name));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * An integer in {@code [min, max]}. A number with a zero fraction ({@code 5.0}) counts as an
     * integer, as it does for JSON Schema; AWS does not document which it takes.
     */
    static Optional<Long> integer(Inspection in, JsonNode owner, Location at, String name, long min, long max) {
        JsonNode value = owner.get(name);
        if (value == null) {
            return Optional.empty();
        }
        return integerValue(in, value, at.field(name), min, max);
    }

    static Optional<Long> integerValue(Inspection in, JsonNode value, Location at, long min, long max) {
        if (!isIntegral(value)) {
            in.schema(typeMessage("Integer"), at);
            return Optional.empty();
        }
        BigDecimal number = decimal(value);
        if (!inRange(in, number, at, BigDecimal.valueOf(min), BigDecimal.valueOf(max))) {
            return Optional.empty();
        }
        return Optional.of(number.longValueExact());
    }

    static Optional<BigDecimal> number(
            Inspection in, JsonNode owner, Location at, String name, BigDecimal min, BigDecimal max) {
        JsonNode value = owner.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            in.schema(typeMessage("Number"), at.field(name));
            return Optional.empty();
        }
        BigDecimal number = decimal(value);
        return inRange(in, number, at.field(name), min, max) ? Optional.of(number) : Optional.empty();
    }

    /** A string from a fixed set, reported as AWS reports a bad {@code Type}. */
    static Optional<String> enumeration(Inspection in, JsonNode owner, Location at, String name, List<String> allowed) {
        Optional<String> value = string(in, owner, at, name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            in.schema(enumMessage(name, allowed), at.field(name));
            return Optional.empty();
        }
        return value;
    }

    static boolean isIntegral(JsonNode value) {
        return value.isIntegralNumber()
                || (value.isNumber() && decimal(value).stripTrailingZeros().scale() <= 0);
    }

    /**
     * A number's exact value. A literal too large for a double ({@code 1e400}) parses to an
     * infinity, which has no decimal value: it stands in as a value beyond every limit, so that
     * range checks report it like any other out-of-range number.
     */
    static BigDecimal decimal(JsonNode number) {
        if (number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue())) {
            return number.doubleValue() > 0 ? BEYOND_ANY_LIMIT : BEYOND_ANY_LIMIT.negate();
        }
        return number.decimalValue();
    }

    private static boolean inRange(Inspection in, BigDecimal number, Location at, BigDecimal min, BigDecimal max) {
        if (number.compareTo(min) < 0) {
            in.schema("Value must be greater than or equal to " + min.toPlainString(), at);
            return false;
        }
        if (number.compareTo(max) > 0) {
            in.schema("Value must be less than or equal to " + max.toPlainString(), at);
            return false;
        }
        return true;
    }

    static String typeMessage(String type) {
        return "Expected value of type " + type;
    }

    static String emptyMessage() {
        return "Value cannot be empty";
    }

    static String enumMessage(String field, List<String> allowed) {
        return "The field '" + field + "' should have one of these values: " + allowed;
    }

    /**
     * AWS lists missing required fields in the iteration order of a Java {@code HashSet} (its one
     * recorded multi-field message reads {@code [States, StartAt]}), so the same set renders them.
     */
    static String requiredMessage(List<String> missing) {
        return "These fields are required: " + new HashSet<>(missing);
    }

    /** Two or more fields of which at most one may be given. */
    static String exclusiveMessage(List<String> fields) {
        return "Only one of these fields can be present: " + fields;
    }

    /** Fields of which exactly one must be given. */
    static String exactlyOneMessage(List<String> fields) {
        return "Exactly one of these fields is required: " + fields;
    }
}
