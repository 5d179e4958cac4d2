package io.stateway.gateway.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a response with a case's expectation, by the corpus's rules: exact status; listed headers
 * (case-insensitive names, repeated ones joined with ", ", null for absent, {@code {"contains": ...}});
 * body as empty, text, base64 or JSON (subset mode, {@code $absent}, {@code $json}, numbers by value);
 * {@code <placeholder>} tokens match one or more characters, and a numbered token used twice in one response
 * must stand for the same text both times.
 */
final class Expectations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("<[A-Za-z0-9_.:-]+>");

    private final boolean placeholders;
    private final Map<String, String> bound = new HashMap<>();

    private Expectations(boolean placeholders) {
        this.placeholders = placeholders;
    }

    /** Every difference between the response and the expectation; empty if it matches. */
    static List<String> compare(JsonNode expected, RawHttpClient.Response actual) {
        Expectations rules = new Expectations(expected.path("placeholders").asBoolean(true));
        List<String> differences = new ArrayList<>();
        int status = expected.path("status").asInt();
        if (status != actual.status()) {
            differences.add("status " + actual.status() + ", expected " + status);
        }
        expected.path("headers")
                .properties()
                .forEach(entry -> rules.header(entry.getKey(), entry.getValue(), actual, differences));
        if (expected.has("bodyKind")) {
            rules.body(expected, actual.body(), differences);
        }
        return differences;
    }

    private void header(String name, JsonNode expected, RawHttpClient.Response actual, List<String> differences) {
        List<String> values = actual.header(name);
        if (expected.isNull()) {
            if (!values.isEmpty()) {
                differences.add("header " + name + " present (" + String.join(", ", values) + "), expected absent");
            }
            return;
        }
        if (values.isEmpty()) {
            differences.add("header " + name + " missing");
            return;
        }
        String joined = String.join(", ", values);
        if (expected.isObject() && expected.has("contains")) {
            if (!joined.contains(expected.get("contains").asString())) {
                differences.add("header " + name + " is '" + joined + "', expected to contain '"
                        + expected.get("contains").asString() + "'");
            }
        } else if (!matchesText(expected.asString(), joined)) {
            differences.add("header " + name + " is '" + joined + "', expected '" + expected.asString() + "'");
        }
    }

    private void body(JsonNode expected, byte[] actual, List<String> differences) {
        String kind = expected.get("bodyKind").asString();
        String text = new String(actual, StandardCharsets.UTF_8);
        switch (kind) {
            case "empty" -> {
                if (actual.length != 0) {
                    differences.add("body is '" + shorten(text) + "', expected empty");
                }
            }
            case "text" -> {
                if (!matchesText(expected.get("body").asString(), text)) {
                    differences.add("body is '" + shorten(text) + "', expected '"
                            + shorten(expected.get("body").asString()) + "'");
                }
            }
            case "base64" -> {
                byte[] wanted = Base64.getDecoder().decode(expected.get("body").asString());
                if (!java.util.Arrays.equals(wanted, actual)) {
                    differences.add("body is " + actual.length + " bytes ('" + shorten(text) + "'), expected the "
                            + wanted.length + " decoded bytes");
                }
            }
            case "json" -> {
                JsonNode parsed;
                try {
                    parsed = JSON.readTree(text);
                } catch (JacksonException e) {
                    differences.add("body is not JSON: '" + shorten(text) + "'");
                    return;
                }
                json(
                        "$",
                        expected.get("body"),
                        parsed,
                        "subset".equals(expected.path("match").asString()),
                        differences);
            }
            default -> differences.add("unknown bodyKind " + kind);
        }
    }

    private void json(String where, JsonNode expected, JsonNode actual, boolean subset, List<String> differences) {
        if (expected.isObject() && expected.has("$json") && expected.size() == 1) {
            if (actual == null || !actual.isString()) {
                differences.add(where + " is " + describe(actual) + ", expected a string of JSON");
                return;
            }
            try {
                json(where, expected.get("$json"), JSON.readTree(actual.asString()), subset, differences);
            } catch (JacksonException e) {
                differences.add(where + " is not JSON text: '" + shorten(actual.asString()) + "'");
            }
            return;
        }
        if (expected.isString() && placeholders && isWholeToken(expected.asString())) {
            if (actual == null
                    || actual.isNull()
                    || (actual.isString() && actual.asString().isEmpty())) {
                differences.add(where + " is " + describe(actual) + ", expected a value for " + expected.asString());
            }
            return;
        }
        if (actual == null) {
            differences.add(where + " is missing, expected " + shorten(expected.toString()));
            return;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                differences.add(where + " is " + describe(actual) + ", expected an object");
                return;
            }
            for (Map.Entry<String, JsonNode> entry : expected.properties()) {
                JsonNode value = entry.getValue();
                if (value.isObject() && value.path("$absent").asBoolean(false)) {
                    boolean present =
                            actual.propertyNames().stream().anyMatch(name -> name.equalsIgnoreCase(entry.getKey()));
                    if (present) {
                        differences.add(where + "." + entry.getKey() + " is present, expected absent");
                    }
                    continue;
                }
                json(where + "." + entry.getKey(), value, actual.get(entry.getKey()), subset, differences);
            }
            if (!subset) {
                for (String name : actual.propertyNames()) {
                    if (!expected.has(name)) {
                        differences.add(where + "." + name + " is not expected");
                    }
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                differences.add(where + " is " + describe(actual) + ", expected " + shorten(expected.toString()));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                json(where + "[" + i + "]", expected.get(i), actual.get(i), subset, differences);
            }
        } else if (expected.isString()) {
            if (!actual.isString() || !matchesText(expected.asString(), actual.asString())) {
                differences.add(
                        where + " is " + describe(actual) + ", expected '" + shorten(expected.asString()) + "'");
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || actual.decimalValue().compareTo(expected.decimalValue()) != 0) {
                differences.add(where + " is " + describe(actual) + ", expected " + expected);
            }
        } else if (!expected.equals(actual)) {
            differences.add(where + " is " + describe(actual) + ", expected " + expected);
        }
    }

    private boolean isWholeToken(String text) {
        return TOKEN.matcher(text).matches();
    }

    /** The text matches the expected pattern: literal, with tokens standing for one or more characters. */
    private boolean matchesText(String expected, String actual) {
        if (!placeholders) {
            return expected.equals(actual);
        }
        Matcher tokens = TOKEN.matcher(expected);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int last = 0;
        while (tokens.find()) {
            regex.append(Pattern.quote(expected.substring(last, tokens.start())))
                    .append("(.+?)");
            names.add(tokens.group());
            last = tokens.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        Matcher matcher = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!matcher.matches()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.matches("<.*:\\d+>")) {
                String previous = bound.putIfAbsent(name, matcher.group(i + 1));
                if (previous != null && !previous.equals(matcher.group(i + 1))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String describe(JsonNode node) {
        return node == null ? "missing" : shorten(node.toString());
    }

    static String shorten(String text) {
        String flat = text.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }
}
