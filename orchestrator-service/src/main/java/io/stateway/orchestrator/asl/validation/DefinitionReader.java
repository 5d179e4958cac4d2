package io.stateway.orchestrator.asl.validation;

import io.stateway.orchestrator.asl.json.Json;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads the submitted definition text into a tree. Text that is not JSON yields an
 * INVALID_JSON_DESCRIPTION finding worded as AWS's Jackson 2 parser words it (see {@link
 * LegacyJsonSyntax}), located at the parser's {@code [Source: ...]} location; JSON that is not an
 * object (blank text included) yields AWS's "Definition must be a valid JSON object", which has no
 * location. Like AWS's parser, reading stops after the first JSON value.
 */
final class DefinitionReader {

    /** What the text turned out to be: an object to inspect, or the one finding that stops inspection. */
    sealed interface Read {
        record Definition(JsonNode tree) implements Read {}

        record Unreadable(Finding finding) implements Read {}
    }

    private static final ObjectReader READER =
            Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DefinitionReader() {}

    static Read read(String text) {
        JsonNode tree;
        try {
            tree = READER.readTree(text);
        } catch (JacksonException e) {
            return new Read.Unreadable(syntaxFinding(text, e));
        }
        if (tree == null || !tree.isObject()) {
            return new Read.Unreadable(Finding.of(
                    DiagnosticCode.SCHEMA_VALIDATION_FAILED, "Definition must be a valid JSON object", null));
        }
        return new Read.Definition(tree);
    }

    private static Finding syntaxFinding(String text, JacksonException e) {
        Optional<LegacyJsonSyntax.SyntaxError> legacy = LegacyJsonSyntax.firstError(text);
        if (legacy.isPresent()) {
            return Finding.of(
                    DiagnosticCode.INVALID_JSON_DESCRIPTION,
                    legacy.get().message(),
                    legacy.get().location());
        }
        // Only limits Jackson 2 did not have (nesting depth, number length) get here; its words then.
        String message = String.valueOf(e.getOriginalMessage()).replace("property name", "field name");
        return Finding.of(DiagnosticCode.INVALID_JSON_DESCRIPTION, message, null);
    }
}
