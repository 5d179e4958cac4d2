package io.stateway.gateway.api.openapi;

import io.stateway.gateway.api.openapi.ApiFinding.Severity;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the text of an API document, JSON or YAML, into a tree. */
public final class DocumentParser {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private DocumentParser() {}

    /**
     * @throws InvalidApiDocumentException if the text is not a JSON or YAML object, with the line and
     *     column of the syntax error
     */
    public static JsonNode parse(String text) {
        DocumentFormat format = DocumentFormat.detect(text);
        JsonNode tree;
        try {
            tree = (format == DocumentFormat.JSON ? JSON : YAML).readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw refused("The document is not valid " + format + where + ": " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw refused("The document must be a JSON or YAML object");
        }
        return tree;
    }

    /** The tree as text in the given format. */
    public static String write(JsonNode tree, DocumentFormat format) {
        return format == DocumentFormat.JSON
                ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                : YAML.writeValueAsString(tree);
    }

    private static InvalidApiDocumentException refused(String message) {
        return new InvalidApiDocumentException(List.of(new ApiFinding(Severity.ERROR, "", message)));
    }
}
