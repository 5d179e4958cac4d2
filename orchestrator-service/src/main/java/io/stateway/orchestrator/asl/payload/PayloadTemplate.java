package io.stateway.orchestrator.asl.payload;

import io.stateway.orchestrator.asl.EvaluationScope;
import io.stateway.orchestrator.asl.FailureException;
import io.stateway.orchestrator.asl.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSONPath-dialect payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}, the
 * legacy Map {@code Parameters}, and {@code Assign}), compiled once: a key ending in {@code .$} is filled, under
 * the key without the suffix, by a path or intrinsic call; other values are copied; objects inside objects and
 * arrays are templates too. Immutable and thread-safe.
 *
 * <p>Parts without {@code .$} fields are evaluated to the very node of the definition, which like every value in
 * the engine must not be mutated.
 */
public final class PayloadTemplate {

    private final Node root;

    private PayloadTemplate(Node root) {
        this.root = root;
    }

    /**
     * Compiles a template (usually an object; any JSON value is accepted).
     *
     * @throws PayloadTemplateException when a {@code .$} field is not a string holding a valid path or call
     */
    public static PayloadTemplate compile(JsonNode template) {
        return new PayloadTemplate(node(template));
    }

    /**
     * Builds the payload.
     *
     * @throws FailureException when a path finds nothing or an intrinsic fails; see {@link DynamicValue}
     */
    public JsonNode evaluate(EvaluationScope scope) {
        return root.evaluate(scope);
    }

    /** Every {@code .$} field of the template, depth first, for validation. */
    public List<DynamicValue> dynamicValues() {
        List<DynamicValue> values = new ArrayList<>();
        root.collect(values);
        return List.copyOf(values);
    }

    private static Node node(JsonNode template) {
        if (template.isObject()) {
            List<Field> fields = new ArrayList<>(template.size());
            boolean dynamic = false;
            for (Map.Entry<String, JsonNode> property : template.properties()) {
                String key = property.getKey();
                Node value;
                if (key.endsWith(".$") && key.length() > 2) {
                    if (!property.getValue().isString()) {
                        throw new PayloadTemplateException(key, "the value of a '.$' field must be a string");
                    }
                    value = new Dynamic(
                            DynamicValue.compile(key, property.getValue().stringValue()));
                    key = key.substring(0, key.length() - 2);
                } else {
                    value = node(property.getValue());
                }
                dynamic |= !(value instanceof Constant);
                fields.add(new Field(key, value));
            }
            return dynamic ? new ObjectTemplate(fields) : new Constant(template);
        }
        if (template.isArray()) {
            List<Node> elements = new ArrayList<>(template.size());
            boolean dynamic = false;
            for (JsonNode element : template.values()) {
                Node value = node(element);
                dynamic |= !(value instanceof Constant);
                elements.add(value);
            }
            return dynamic ? new ArrayTemplate(elements) : new Constant(template);
        }
        return new Constant(template);
    }

    private sealed interface Node {
        JsonNode evaluate(EvaluationScope scope);

        void collect(List<DynamicValue> values);
    }

    private record Constant(JsonNode value) implements Node {
        @Override
        public JsonNode evaluate(EvaluationScope scope) {
            return value;
        }

        @Override
        public void collect(List<DynamicValue> values) {}
    }

    private record Dynamic(DynamicValue value) implements Node {
        @Override
        public JsonNode evaluate(EvaluationScope scope) {
            return value.evaluate(scope);
        }

        @Override
        public void collect(List<DynamicValue> values) {
            values.add(value);
        }
    }

    private record Field(String key, Node value) {}

    private record ObjectTemplate(List<Field> fields) implements Node {
        @Override
        public JsonNode evaluate(EvaluationScope scope) {
            ObjectNode object = Json.NODES.objectNode();
            for (Field field : fields) {
                object.set(field.key(), field.value().evaluate(scope));
            }
            return object;
        }

        @Override
        public void collect(List<DynamicValue> values) {
            fields.forEach(field -> field.value().collect(values));
        }
    }

    private record ArrayTemplate(List<Node> elements) implements Node {
        @Override
        public JsonNode evaluate(EvaluationScope scope) {
            ArrayNode array = Json.NODES.arrayNode(elements.size());
            for (Node element : elements) {
                array.add(element.evaluate(scope));
            }
            return array;
        }

        @Override
        public void collect(List<DynamicValue> values) {
            elements.forEach(element -> element.collect(values));
        }
    }
}
