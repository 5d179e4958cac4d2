package io.stateway.orchestrator.conformance;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Compares an actual JSON value with a value recorded on AWS, following the corpus README: JSON
 * equality with numbers by value, and strings that may hold {@code <placeholder>} tokens.
 * Returns {@code null} when they match, else a one-line reason naming the first difference.
 */
final class ExpectedValue {

    private static final Pattern TOKEN = Pattern.compile("<[A-Za-z0-9_-]+>");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?.*", Pattern.DOTALL);
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ExpectedValue() {}

    static String mismatch(JsonNode expected, JsonNode actual, String where) {
        if (expected.isString() && isWholeToken(expected.stringValue())) {
            return wholeToken(expected.stringValue(), actual, where);
        }
        if (actual == null || actual.isMissingNode()) {
            return where + ": missing, expected " + brief(expected);
        }
        if (expected.isNumber()) {
            return actual.isNumber() && equalNumbers(expected, actual)
                    ? null
                    : where + ": expected " + brief(expected) + " but was " + brief(actual);
        }
        if (expected.isString()) {
            return actual.isString() && matchesTemplate(expected.stringValue(), actual.stringValue())
                    ? null
                    : where + ": expected " + brief(expected) + " but was " + brief(actual);
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return where + ": expected an object but was " + brief(actual);
            }
            for (var property : expected.properties()) {
                String reason =
                        mismatch(property.getValue(), actual.get(property.getKey()), where + "." + property.getKey());
                if (reason != null) {
                    return reason;
                }
            }
            for (Iterator<String> names = actual.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    return where + ": unexpected member '" + name + "'";
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return where + ": expected " + brief(expected) + " but was " + brief(actual);
            }
            for (int i = 0; i < expected.size(); i++) {
                String reason = mismatch(expected.get(i), actual.get(i), where + "[" + i + "]");
                if (reason != null) {
                    return reason;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : where + ": expected " + brief(expected) + " but was " + brief(actual);
    }

    static boolean matchesTemplate(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        Matcher tokens = TOKEN.matcher(expected);
        if (!tokens.find()) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        int last = 0;
        tokens.reset();
        while (tokens.find()) {
            regex.append(Pattern.quote(expected.substring(last, tokens.start())))
                    .append(".+");
            last = tokens.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    private static boolean isWholeToken(String text) {
        return TOKEN.matcher(text).matches();
    }

    private static String wholeToken(String token, JsonNode actual, String where) {
        boolean ok = switch (token) {
            case "<any>" -> actual != null && !actual.isMissingNode();
            case "<number>" -> actual != null && actual.isNumber();
            case "<timestamp>" ->
                actual != null
                        && actual.isString()
                        && TIMESTAMP.matcher(actual.stringValue()).matches();
            case "<uuid>" ->
                actual != null
                        && actual.isString()
                        && UUID.matcher(actual.stringValue()).find();
            default ->
                actual != null && actual.isString() && !actual.stringValue().isEmpty();
        };
        return ok ? null : where + ": expected " + token + " but was " + brief(actual);
    }

    private static boolean equalNumbers(JsonNode a, JsonNode b) {
        return a.decimalValue().compareTo(b.decimalValue()) == 0 || decimal(a).compareTo(decimal(b)) == 0;
    }

    private static BigDecimal decimal(JsonNode n) {
        return new BigDecimal(n.asString());
    }

    static String brief(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "(missing)";
        }
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
