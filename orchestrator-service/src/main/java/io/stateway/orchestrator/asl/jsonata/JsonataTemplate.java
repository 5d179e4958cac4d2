package io.stateway.orchestrator.asl.jsonata;

import io.stateway.orchestrator.asl.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON value in a JSONata state ({@code Arguments}, {@code Output}, {@code Assign}, ...) whose
 * strings of the form {@code {% expression %}} are evaluated, at any depth. Compiled once; parts
 * without expressions are kept as literals and shared.
 */
public sealed interface JsonataTemplate {

    JsonNode evaluate(JsonataScope scope);

    /** Whether this template is a literal, whose value needs no evaluation. */
    default boolean isLiteral() {
        return this instanceof Literal;
    }

    /**
     * Compiles a template.
     *
     * @param field the field's location for error messages, such as {@code Output} or {@code Assign}
     */
    static JsonataTemplate compile(JsonNode value, String field) {
        if (value.isString()) {
            String body = expressionBody(value.stringValue());
            return body == null ? new Literal(value) : new Expression(JsonataExpression.compile(body, field));
        }
        if (value.isObject()) {
            List<ObjectTemplate.Member> members = new ArrayList<>(value.size());
            boolean literal = true;
            for (var property : value.properties()) {
                JsonataTemplate member = compile(property.getValue(), field + "/" + property.getKey());
                literal &= member.isLiteral();
                members.add(new ObjectTemplate.Member(property.getKey(), member));
            }
            return literal ? new Literal(value) : new ObjectTemplate(members);
        }
        if (value.isArray()) {
            List<JsonataTemplate> elements = new ArrayList<>(value.size());
            boolean literal = true;
            int index = 0;
            for (JsonNode element : value) {
                JsonataTemplate compiled = compile(element, field + "/" + index++);
                literal &= compiled.isLiteral();
                elements.add(compiled);
            }
            return literal ? new Literal(value) : new ArrayTemplate(elements);
        }
        return new Literal(value);
    }

    /** The body of a {@code {% body %}} string, or {@code null} if the string is not an expression. */
    static String expressionBody(String text) {
        if (text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}")) {
            return text.substring(2, text.length() - 2).strip();
        }
        return null;
    }

    record Literal(JsonNode value) implements JsonataTemplate {
        @Override
        public JsonNode evaluate(JsonataScope scope) {
            return value;
        }
    }

    record Expression(JsonataExpression expression) implements JsonataTemplate {
        @Override
        public JsonNode evaluate(JsonataScope scope) {
            return expression.evaluate(scope);
        }
    }

    record ObjectTemplate(List<Member> members) implements JsonataTemplate {
        record Member(String name, JsonataTemplate value) {}

        @Override
        public JsonNode evaluate(JsonataScope scope) {
            ObjectNode object = Json.NODES.objectNode();
            for (Member member : members) {
                object.set(member.name(), member.value().evaluate(scope));
            }
            return object;
        }
    }

    record ArrayTemplate(List<JsonataTemplate> elements) implements JsonataTemplate {
        @Override
        public JsonNode evaluate(JsonataScope scope) {
            ArrayNode array = Json.NODES.arrayNode(elements.size());
            for (JsonataTemplate element : elements) {
                array.add(element.evaluate(scope));
            }
            return array;
        }
    }
}
