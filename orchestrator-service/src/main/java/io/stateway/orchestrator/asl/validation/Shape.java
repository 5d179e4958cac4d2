package io.stateway.orchestrator.asl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The fields one kind of ASL object may hold and the ones it must hold. Unknown fields are reported
 * one by one at the object ({@code Field 'X' is not supported at /States/Foo}), missing ones in one
 * finding ({@code These fields are required: [Type] at /States/Foo}), as AWS does.
 */
record Shape(Set<String> allowed, List<String> required) {

    static Shape of(List<String> required, String... allowed) {
        Set<String> fields = new java.util.LinkedHashSet<>(List.of(allowed));
        fields.addAll(required);
        return new Shape(Set.copyOf(fields), List.copyOf(required));
    }

    void check(Inspection in, JsonNode object, Location at) {
        List<String> missing = new ArrayList<>();
        for (String field : required) {
            if (!object.has(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            in.schema(Fields.requiredMessage(missing), at);
        }
        for (String field : object.propertyNames()) {
            if (!allowed.contains(field)) {
                in.schema(unsupportedMessage(field), at);
            }
        }
    }

    static String unsupportedMessage(String field) {
        return "Field '" + field + "' is not supported";
    }
}
