package io.stateway.orchestrator.asl.validation;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Parser;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.databind.JsonNode;

/**
 * JSONata in definitions: a string is an expression when it is wrapped in {@code {% %}}; AWS
 * parses every expression when the state machine is created, so one that does not parse is a
 * schema finding at the field that holds it.
 */
final class JsonataExpressions {

    private JsonataExpressions() {}

    static boolean isExpression(JsonNode value) {
        return value != null && value.isString() && isExpression(value.stringValue());
    }

    static boolean isExpression(String text) {
        return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
    }

    /** Checks one string field that may hold an expression. */
    static void checkString(Inspection in, String text, String field, Location at) {
        if (isExpression(text) && !parses(body(text))) {
            in.schema(invalidMessage(field), at);
        }
    }

    /**
     * Checks every expression anywhere in a JSONata template ({@code Arguments}, {@code Output},
     * {@code ItemSelector}, ...), reporting each bad one at the template field. Iterative, so that
     * a deeply nested template cannot exhaust the stack.
     */
    static void checkTemplate(Inspection in, JsonNode template, String field, Location at) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(template);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isString()) {
                checkString(in, node.stringValue(), field, at);
            } else if (node.isContainer()) {
                node.values().forEach(pending::push);
            }
        }
    }

    private static String body(String expression) {
        return expression.substring(2, expression.length() - 2);
    }

    private static boolean parses(String body) {
        if (body.isBlank()) {
            return false;
        }
        try {
            new Parser().parse(body);
            return true;
        } catch (JException invalid) {
            return false;
        } catch (RuntimeException parserFault) {
            // The parser is third-party code fed arbitrary user text: anything else it throws also means "does not
            // parse".
            return false;
        }
    }

    static String invalidMessage(String field) {
        return "The value for the field '" + field + "' must be a valid JSONata expression";
    }
}
