package io.stateway.orchestrator.asl.state;

import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.expr.ValueExpression;
import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Map's {@code ItemBatcher}: its iterations get batches of items, {@code {"Items": [...],
 * "BatchInput": ...}}, of at most {@code MaxItemsPerBatch} items and {@code MaxInputBytesPerBatch}
 * bytes.
 *
 * @param batchInput the JSONPath {@code BatchInput} template, or {@code null}
 * @param jsonataBatchInput the JSONata {@code BatchInput}, or {@code null}
 */
public record ItemBatcher(
        NumberField maxItems, NumberField maxBytes, ValueExpression batchInput, JsonataTemplate jsonataBatchInput) {

    /**
     * Groups items (already shaped by {@code ItemSelector}) into batches.
     *
     * @param input the Map's effective input, for the JSONPath paths in the batcher
     */
    ArrayNode batch(StateContext context, QueryLanguage language, JsonNode input, List<JsonNode> items) {
        Long itemLimit = NumberField.whole(maxItems, context, input);
        Long byteLimit = NumberField.whole(maxBytes, context, input);
        JsonNode shared = language == QueryLanguage.JSONATA
                ? (jsonataBatchInput == null ? null : jsonataBatchInput.evaluate(context.jsonataScope(null, null)))
                : (batchInput == null ? null : batchInput.evaluate(context.scope(input)));
        ArrayNode batches = Json.NODES.arrayNode();
        List<JsonNode> current = new ArrayList<>();
        long currentBytes = 0;
        for (JsonNode item : items) {
            long itemBytes = Json.text(item).getBytes(StandardCharsets.UTF_8).length;
            boolean full = (itemLimit != null && current.size() >= itemLimit)
                    || (byteLimit != null && !current.isEmpty() && currentBytes + itemBytes > byteLimit);
            if (full) {
                batches.add(batch(current, shared));
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(item);
            currentBytes += itemBytes;
        }
        if (!current.isEmpty()) {
            batches.add(batch(current, shared));
        }
        return batches;
    }

    private static ObjectNode batch(List<JsonNode> items, JsonNode shared) {
        ObjectNode batch = Json.NODES.objectNode();
        if (shared != null) {
            batch.set("BatchInput", shared);
        }
        ArrayNode array = batch.putArray("Items");
        items.forEach(array::add);
        return batch;
    }
}
