package io.stateway.orchestrator.asl.intrinsic;

import io.stateway.orchestrator.asl.json.Json;
import io.stateway.orchestrator.asl.json.JsonEquality;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The array intrinsics. */
final class ArrayFunctions {

    /** AWS's limit on the arrays {@code States.ArrayRange} builds. */
    static final int MAX_RANGE = 1000;

    private ArrayFunctions() {}

    static JsonNode array(Arguments arguments) {
        ArrayNode array = Json.NODES.arrayNode(arguments.size());
        arguments.values().forEach(array::add);
        return array;
    }

    static JsonNode partition(Arguments arguments) {
        JsonNode array = arguments.array(0);
        int size = arguments.integer(1);
        if (size <= 0) {
            throw arguments.fail("the chunk size must be greater than 0, but was " + size);
        }
        ArrayNode chunks = Json.NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) {
                chunk = chunks.addArray();
            }
            chunk.add(array.get(i));
        }
        return chunks;
    }

    static JsonNode contains(Arguments arguments) {
        JsonNode array = arguments.array(0);
        JsonNode wanted = arguments.get(1);
        for (JsonNode element : array.values()) {
            if (JsonEquality.equal(element, wanted)) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }

    /** From start to end inclusive by step; at most {@value #MAX_RANGE} numbers. */
    static JsonNode range(Arguments arguments) {
        int start = arguments.integer(0);
        int end = arguments.integer(1);
        int step = arguments.integer(2);
        if (step == 0) {
            throw arguments.fail("the step must not be 0");
        }
        long count = (step > 0 ? (long) end - start : (long) start - end) / Math.abs((long) step) + 1;
        if (count > MAX_RANGE) {
            throw arguments.fail("the range would hold " + count + " numbers, at most " + MAX_RANGE + " are allowed");
        }
        ArrayNode numbers = Json.NODES.arrayNode();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
            numbers.add((int) i);
        }
        return numbers;
    }

    static JsonNode getItem(Arguments arguments) {
        JsonNode array = arguments.array(0);
        int index = arguments.integer(1);
        if (index < 0 || index >= array.size()) {
            throw arguments.fail("the index " + index + " is out of bounds for an array of " + array.size() + " items");
        }
        return array.get(index);
    }

    static JsonNode length(Arguments arguments) {
        return Json.NODES.numberNode(arguments.array(0).size());
    }

    /** Keeps the first of equal elements, in order. */
    static JsonNode unique(Arguments arguments) {
        JsonNode array = arguments.array(0);
        ArrayNode distinct = Json.NODES.arrayNode();
        for (JsonNode element : array.values()) {
            boolean seen = false;
            for (JsonNode kept : distinct.values()) {
                if (JsonEquality.equal(kept, element)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                distinct.add(element);
            }
        }
        return distinct;
    }
}
