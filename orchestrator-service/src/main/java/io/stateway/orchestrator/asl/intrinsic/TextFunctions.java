package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** {@code States.Format}, {@code States.StringSplit} and {@code States.UUID}. */
final class TextFunctions {

    private TextFunctions() {}

    /** Replaces each {@code {}} of the template, in order, by the next argument rendered as text. */
    static JsonNode format(Arguments arguments) {
        Template template = arguments.template() != null
                ? Template.ofSource(arguments.template())
                : Template.ofValue(arguments.string(0));
        if (template.placeholders() != arguments.size() - 1) {
            throw arguments.fail("the template has " + template.placeholders() + " {} placeholders but "
                    + (arguments.size() - 1) + " values were given");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.pieces().size(); i++) {
            if (i > 0) {
                render(arguments.get(i), out);
            }
            out.append(template.pieces().get(i));
        }
        return Json.NODES.stringNode(out.toString());
    }

    /** A format string cut at its placeholders: n placeholders give n + 1 pieces of literal text. */
    record Template(List<String> pieces) {

        int placeholders() {
            return pieces.size() - 1;
        }

        /** A template read from the input: every {@code {}} is a placeholder. */
        static Template ofValue(String text) {
            return cut(text, false);
        }

        /** A literal as written in the definition: {@code \{} and {@code \}} are braces, not placeholders. */
        static Template ofSource(String source) {
            return cut(source, true);
        }

        private static Template cut(String text, boolean escapes) {
            List<String> pieces = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (escapes && c == '\\' && i + 1 < text.length()) {
                    piece.append(text.charAt(++i));
                } else if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                    i++;
                } else {
                    piece.append(c);
                }
            }
            pieces.add(piece.toString());
            return new Template(List.copyOf(pieces));
        }
    }

    /**
     * A value as AWS's Java engine prints it into a format string: strings bare, objects and arrays as Java maps
     * and lists print ({@code {Id=arn..., Name=x}}, {@code [1, a]}).
     */
    private static void render(JsonNode value, StringBuilder out) {
        if (value.isString()) {
            out.append(value.stringValue());
        } else if (value.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> properties =
                    value.properties().iterator();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                out.append(property.getKey()).append('=');
                render(property.getValue(), out);
                if (properties.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                render(value.get(i), out);
            }
            out.append(']');
        } else {
            out.append(Json.text(value));
        }
    }

    /** Splits on any of the delimiter characters and drops empty pieces, like {@link StringTokenizer}. */
    static JsonNode split(Arguments arguments) {
        StringTokenizer tokens = new StringTokenizer(arguments.string(0), arguments.string(1));
        ArrayNode pieces = Json.NODES.arrayNode();
        while (tokens.hasMoreTokens()) {
            pieces.add(tokens.nextToken());
        }
        return pieces;
    }

    static JsonNode uuid(EvaluationScope scope) {
        return Json.NODES.stringNode(scope.random().nextUuid().toString());
    }
}
