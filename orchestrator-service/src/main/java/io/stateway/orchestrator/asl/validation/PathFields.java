package io.stateway.orchestrator.asl.validation;

import tools.jackson.databind.JsonNode;

/** The JSONPath-valued fields of JSONPath states: Paths, Reference Paths and their messages. */
final class PathFields {

    private PathFields() {}

    /** {@code InputPath}/{@code OutputPath}: a Path, or null (which discards the input). */
    static void path(Inspection in, JsonNode owner, Location at, String name) {
        JsonNode value = owner.get(name);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isString() || !ExpressionSyntax.isPath(value.stringValue())) {
            in.schema(invalidPathMessage(name), at.field(name));
        }
    }

    /**
     * {@code ResultPath}: a Reference Path into the state's input, or null. It cannot point into
     * the context object or at a variable; those are read-only.
     */
    static void resultPath(Inspection in, JsonNode owner, Location at) {
        JsonNode value = owner.get("ResultPath");
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isString() || !isInputReferencePath(value.stringValue())) {
            in.schema(invalidPathMessage("ResultPath"), at.field("ResultPath"));
        }
    }

    private static boolean isInputReferencePath(String path) {
        boolean rootedAtInput = path.equals("$") || path.startsWith("$.") || path.startsWith("$[");
        return rootedAtInput && ExpressionSyntax.isReferencePath(path);
    }

    /** The {@code ...Path} fields that select one value ({@code SecondsPath}, {@code ItemsPath}...). */
    static void referencePath(Inspection in, JsonNode owner, Location at, String name) {
        JsonNode value = owner.get(name);
        if (value == null) {
            return;
        }
        if (!value.isString() || !ExpressionSyntax.isReferencePath(value.stringValue())) {
            in.schema(invalidPathMessage(name), at.field(name));
        }
    }

    /** {@code ErrorPath}/{@code CausePath}: a Reference Path or an intrinsic function call. */
    static void referencePathOrIntrinsic(Inspection in, JsonNode owner, Location at, String name) {
        JsonNode value = owner.get(name);
        if (value == null) {
            return;
        }
        if (!value.isString() || !isPathOrIntrinsic(value.stringValue())) {
            in.schema(invalidPathOrIntrinsicMessage(name), at.field(name));
        }
    }

    static boolean isPathOrIntrinsic(String text) {
        return ExpressionSyntax.isPath(text) || ExpressionSyntax.isIntrinsicFunction(text);
    }

    static String invalidPathMessage(String field) {
        return "The value for the field '" + field + "' must be a valid JSONPath";
    }

    /** Worded as AWS words it for a {@code .$} field of a payload template. */
    static String invalidPathOrIntrinsicMessage(String field) {
        return "The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call";
    }
}
