package io.stateway.orchestrator.asl.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * JSONPath payload templates ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector},
 * {@code BatchInput}, the ItemReader's and ResultWriter's {@code Parameters}): every field whose
 * name ends in {@code .$} must hold a Path or an intrinsic function call, at any depth. AWS reports
 * a bad one at the template field, naming the inner field ({@code The value for the field
 * 'parsed.$' must be a valid JSONPath or a valid intrinsic function call at
 * /States/IntrinsicEscape/Parameters}).
 */
final class PayloadTemplates {

    private PayloadTemplates() {}

    static void check(Inspection in, JsonNode template, Location at) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(template);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                checkObject(in, node, at, pending);
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    if (element.isContainer()) {
                        pending.push(element);
                    }
                }
            }
        }
    }

    private static void checkObject(Inspection in, JsonNode object, Location at, Deque<JsonNode> pending) {
        Set<String> names = new HashSet<>();
        object.forEachEntry((key, value) -> {
            boolean dynamic = isDynamicKey(key);
            if (!names.add(dynamic ? key.substring(0, key.length() - 2) : key)) {
                in.schema(duplicateMessage(key), at);
            }
            if (dynamic) {
                if (!value.isString() || !PathFields.isPathOrIntrinsic(value.stringValue())) {
                    in.schema(PathFields.invalidPathOrIntrinsicMessage(key), at);
                }
            } else if (value.isContainer()) {
                pending.push(value);
            } else if (value.isString() && looksLikeExpression(value.stringValue())) {
                in.report(DiagnosticCode.NO_DOLLAR, noDollarMessage(key), at);
            }
        });
    }

    static boolean isDynamicKey(String key) {
        return key.length() > 2 && key.endsWith(".$");
    }

    /** A value that a user most likely meant as a path or an intrinsic call. */
    static boolean looksLikeExpression(String value) {
        return value.equals("$")
                || value.startsWith("$.")
                || value.startsWith("$[")
                || value.startsWith("$$.")
                || (value.startsWith("States.") && value.indexOf('(') > 0 && value.endsWith(")"));
    }

    private static String noDollarMessage(String key) {
        return "The field '" + key
                + "' looks like a JSONPath or an intrinsic function call, but its name does not end with '.$'";
    }

    private static String duplicateMessage(String key) {
        return "The field '" + key + "' duplicates another field once '.$' is removed from its name";
    }
}
